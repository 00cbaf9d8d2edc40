namespace RolloutOperator.Sandbox.Progress;

/// <summary>One stage of a run, for the summary: what, how long, and how it ended.</summary>
internal sealed record TimelineEntry(string Stage, TimeSpan Duration, bool Ok, string Outcome);
