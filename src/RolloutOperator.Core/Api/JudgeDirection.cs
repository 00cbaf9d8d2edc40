namespace RolloutOperator.Core.Api;

[JsonConverter(typeof(JsonStringEnumConverter<JudgeDirection>))]
public enum JudgeDirection
{
    Increase,
    Decrease,
    Either,
}
