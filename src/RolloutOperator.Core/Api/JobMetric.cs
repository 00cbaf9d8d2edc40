namespace RolloutOperator.Core.Api;

[Description("Runs a Kubernetes Job per measurement in the Rollout's namespace, owned by the Rollout. Complete is the value 1, Failed the value 0.")]
public sealed class JobMetric
{
    [Description("A batch/v1 JobSpec. Its pods run with spec.template.spec.serviceAccountName of the Rollout's namespace, never with the operator's identity. activeDeadlineSeconds defaults to 600 (at most 3600) and backoffLimit to 0 (at most 10); selector, manualSelector, suspend and ttlSecondsAfterFinished are managed by the operator.")]
    [Required]
    [PreserveUnknownFields]
    public System.Text.Json.Nodes.JsonObject? Spec { get; set; }
}
