namespace RolloutOperator.Core.Api;

[JsonConverter(typeof(JsonStringEnumConverter<NoDataPolicy>))]
public enum NoDataPolicy
{
    Retry,
    Fail,
    Inconclusive,
}
