namespace RolloutOperator.Core.Api;

/// <summary>Where one webhook gate or hook stands for the revision and point it was called for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GatePhase>))]
public enum GatePhase
{
    /// <summary>Called (or about to be) and not yet answered with a pass; the rollout holds at this gate.</summary>
    Waiting,

    Passed,

    /// <summary>Failures beyond the limit: the revision is aborted (gates) or the failure is reported (hooks).</summary>
    Failed,
}
