namespace RolloutOperator.Controller.Events;

internal sealed record EventRecorderOptions(string ReportingInstance)
{
    /// <summary>An identical event within this window updates the existing Event's series instead of creating a new one.</summary>
    public TimeSpan DedupeWindow { get; init; } = TimeSpan.FromMinutes(10);
}
