using System.Text.RegularExpressions;
using k8s.Models;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// When each step of a revision ended, read from the operator's Events: NewRevision/RolloutRetried start the first step,
/// StepCompleted ends step N. Events expire (an hour on most clusters), so older steps have no time.
/// </summary>
internal static partial class StepTimes
{
    public static (DateTimeOffset? Started, IReadOnlyDictionary<int, DateTimeOffset> Completed) For(IReadOnlyList<Eventsv1Event> events, string revision)
    {
        DateTimeOffset? started = null;
        var completed = new Dictionary<int, DateTimeOffset>();
        foreach (var e in events)
        {
            var note = e.Note ?? "";
            if (e.Reason is "NewRevision" or "RolloutRetried" && note.Contains(revision, StringComparison.Ordinal))
            {
                started = RolloutEvents.When(e);
                completed.Clear();
            }
            else if (e.Reason == "StepCompleted" && StepCompleted().Match(note) is { Success: true } m && m.Groups[1].Value == revision)
            {
                completed[int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - 1] = RolloutEvents.When(e);
            }
        }

        return (started, completed);
    }

    [GeneratedRegex(@"^Revision (\S+): step (\d{1,4})/\d{1,4} completed", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex StepCompleted();
}
