namespace RolloutOperator.Core.Api;

[JsonConverter(typeof(JsonStringEnumConverter<AnalysisPhase>))]
public enum AnalysisPhase
{
    Running,
    Successful,
    Failed,
    Inconclusive,
    Error,
}
