namespace RolloutOperator.Core.Api;

[JsonConverter(typeof(JsonStringEnumConverter<CloudEventsMode>))]
public enum CloudEventsMode
{
    Structured,
    Binary,
}
