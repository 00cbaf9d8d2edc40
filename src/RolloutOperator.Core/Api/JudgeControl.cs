namespace RolloutOperator.Core.Api;

[JsonConverter(typeof(JsonStringEnumConverter<JudgeControl>))]
public enum JudgeControl
{
    Stable,
    Baseline,
}
