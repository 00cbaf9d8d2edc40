namespace RolloutOperator.Core.Api;

[JsonConverter(typeof(JsonStringEnumConverter<JudgeClassification>))]
public enum JudgeClassification
{
    Pass,
    High,
    Low,
    NoData,
}
