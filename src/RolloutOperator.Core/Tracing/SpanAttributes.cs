namespace RolloutOperator.Core.Tracing;

/// <summary>Attribute names of the rollout spans; docs/tracing.md lists them and a test keeps the two in step.</summary>
public static class SpanAttributes
{
    public const string Namespace = "k8s.namespace.name";
    public const string Rollout = "rollout.name";
    public const string RolloutUid = "rollout.uid";
    public const string Revision = "rollout.revision";
    public const string Strategy = "rollout.strategy";
    public const string Outcome = "rollout.outcome";
    public const string StepIndex = "rollout.step.index";
    public const string StepKind = "rollout.step.kind";
    public const string AnalysisKey = "rollout.analysis.key";
    public const string AnalysisPhase = "rollout.analysis.phase";
    public const string MetricName = "rollout.metric.name";
    public const string MetricProvider = "rollout.metric.provider";
    public const string MetricDryRun = "rollout.metric.dry_run";
    public const string Query = "rollout.measurement.query";
    public const string Value = "rollout.measurement.value";
    public const string Verdict = "rollout.measurement.verdict";
    public const string NoData = "rollout.measurement.no_data";
    public const string GateName = "rollout.gate.name";
    public const string GateType = "rollout.gate.type";
    public const string GateScope = "rollout.gate.scope";
    public const string GatePhase = "rollout.gate.phase";
    public const string GateAttempts = "rollout.gate.attempts";
    public const string GateStatusCode = "http.response.status_code";
    public const string Message = "rollout.message";
}
