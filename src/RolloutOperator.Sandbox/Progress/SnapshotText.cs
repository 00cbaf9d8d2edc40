using System.Globalization;

namespace RolloutOperator.Sandbox.Progress;

/// <summary>Plain one-line renderings of a snapshot, shared by the line output and the live display.</summary>
internal static class SnapshotText
{
    public static string Short(string? revision) => revision is null ? "-" : revision.Length > 10 ? revision[..10] : revision;

    public static string Step(RolloutProgress s) => s.Step is { } step && s.StepCount is { } count
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Min(step + 1, count)}/{count}")
        : "-";

    public static string Weight(RolloutProgress s) => s.ObservedWeight is { } observed && observed != s.DesiredWeight
        ? string.Create(CultureInfo.InvariantCulture, $"{observed}% -> {s.DesiredWeight}%")
        : string.Create(CultureInfo.InvariantCulture, $"{s.DesiredWeight}%");

    /// <summary>The line printed whenever anything a person follows changes.</summary>
    public static string Line(RolloutProgress s)
    {
        var text = $"{s.Phase,-11} step {Step(s),-5} canary weight {Weight(s),-10} stable {Short(s.StableRevision)} canary {Short(s.CanaryRevision)}";
        if (s.Analysis is { } analysis)
        {
            text += $" | {analysis}";
        }

        if (s.Abort is { } abort)
        {
            text += $" | aborted {Short(abort.Revision)}: {abort.Reason}";
        }

        return text;
    }
}
