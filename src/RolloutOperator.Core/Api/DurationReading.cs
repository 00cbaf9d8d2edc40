namespace RolloutOperator.Core.Api;

/// <summary>What <see cref="Durations.Read"/> made of a text: a usable duration, no duration at all, or one beyond the maximum.</summary>
public enum DurationReading
{
    Valid,
    Malformed,
    TooLong,
}
