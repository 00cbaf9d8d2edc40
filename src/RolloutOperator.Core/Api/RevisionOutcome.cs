namespace RolloutOperator.Core.Api;

[JsonConverter(typeof(JsonStringEnumConverter<RevisionOutcome>))]
public enum RevisionOutcome
{
    Promoted,
    Aborted,
    Superseded,
    RolledBack,
}
