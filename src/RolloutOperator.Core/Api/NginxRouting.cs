namespace RolloutOperator.Core.Api;

[Description("NGINX Ingress routing.")]
public sealed class NginxRouting
{
    [Description("The user's Ingress that routes to the stable Service; the operator creates a canary Ingress beside it.")]
    [Required]
    [MaxLength(253)]
    public string StableIngress { get; set; } = "";

    [Description("Annotation prefix of the ingress controller.")]
    [DefaultValue("nginx.ingress.kubernetes.io")]
    [MaxLength(253)]
    public string? AnnotationPrefix { get; set; }

    [Description("Extra annotations for the generated canary Ingress.")]
    public Dictionary<string, string>? AdditionalIngressAnnotations { get; set; }
}
