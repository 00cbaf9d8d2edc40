using RolloutOperator.Cli.Commands;
using RolloutOperator.Cli.Rendering;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// One button of the rollout page. Command-channel actions name the revision they apply to (the same rule as the CLI's);
/// restart and undo are spec edits and carry the CLI's warning about fields kept in Git.
/// </summary>
internal sealed record DashboardAction(string Name, string Label, bool SpecEdit)
{
    public const string GitWarning = "This edits spec.template, a field you may keep in Git; with GitOps, change Git instead.";

    public static readonly IReadOnlyList<DashboardAction> All =
    [
        new("promote", "Promote", false),
        new("promote-full", "Promote full", false),
        new("abort", "Abort", false),
        new("retry", "Retry", false),
        new("pause", "Pause", false),
        new("resume", "Resume", false),
        new("restart", "Restart", true),
        new("undo", "Undo", true),
    ];

    public static DashboardAction? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    /// <summary>The revision the action would apply to now, or null when it has nothing to act on.</summary>
    public string? Revision(Rollout rollout) => Name switch
    {
        "restart" => rollout.Status?.CanaryRevision is { Length: > 0 } ? null : RolloutFacts.SpecRevision(rollout),
        "undo" => rollout.Spec.Template is null ? null : UndoCommand.DefaultTarget(rollout),
        _ => CommandChannel.TargetRevision(rollout, Name),
    };

    public string Confirmation(Rollout rollout, string revision)
    {
        var id = $"{rollout.Metadata.NamespaceProperty}/{rollout.Metadata.Name}";
        var stable = rollout.Status?.StableRevision ?? "unknown";
        return Name switch
        {
            "promote" => $"Promote revision {revision} of {id} past its current step or pause?",
            "promote-full" => $"Promote revision {revision} of {id} fully, skipping every remaining step, pause and analysis?",
            "abort" => $"Abort revision {revision} of {id}? Traffic goes back to the stable revision {stable}.",
            "retry" => $"Retry revision {revision} of {id} from the first step?",
            "pause" => $"Pause revision {revision} of {id} at its current step?",
            "resume" => $"Resume revision {revision} of {id}?",
            "restart" => $"Restart {id} (now revision {revision})? A new revision is rolled out through every step and analysis. {GitWarning}",
            _ => $"Set spec.template of {id} back to the template of revision {revision}? {GitWarning}",
        };
    }

    public string WhyNot => Name switch
    {
        "restart" => "a revision is being rolled out; promote or abort it first",
        "undo" => "no previous revision to go back to",
        "retry" => "no aborted revision",
        _ => "no revision is being rolled out",
    };
}
