namespace RolloutOperator.Core.Api;

[Description("AWS Load Balancer Controller routing: the operator writes only the alb.ingress.kubernetes.io/actions.<rootService> annotation of the listed Ingresses.")]
public sealed class AlbRouting
{
    [Description("The user's Ingresses whose paths send to the action (backend service name = rootService, port name use-annotation).")]
    [Required]
    [MinLength(1)]
    [MaxLength(8)]
    [AtomicList]
    public List<string> Ingresses { get; set; } = [];

    [Description("Port of the stable and canary Services the target groups forward to.")]
    [Required]
    [Range(1, 65535)]
    public int ServicePort { get; set; }

    [Description("Action name: the Service name the Ingress paths reference with port use-annotation. Defaults to the stable Service.")]
    [MaxLength(63)]
    public string? RootService { get; set; }

    [Description("Annotation prefix of the controller.")]
    [DefaultValue("alb.ingress.kubernetes.io")]
    [MaxLength(253)]
    public string? AnnotationPrefix { get; set; }

    [Description("Target group stickiness of the forward action.")]
    public AlbStickiness? Stickiness { get; set; }
}
