namespace RolloutOperator.Core.Api;

/// <summary>Derived from the conditions, for printer columns only.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RolloutPhase>))]
public enum RolloutPhase
{
    Progressing,
    Paused,
    Healthy,
    Degraded,
}
