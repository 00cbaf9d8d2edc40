using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Engine;

/// <summary>A mutable working copy of the status for one decision; built into an immutable <see cref="RolloutStatus"/> at the end.</summary>
internal sealed class StatusDraft
{
    public StatusDraft(RolloutStatus status)
    {
        Previous = status;
        StableRevision = status.StableRevision;
        CanaryRevision = status.CanaryRevision;
        CurrentStepIndex = status.CurrentStepIndex;
        StepStartedAt = status.StepStartedAt;
        LastProgressAt = status.LastProgressAt;
        Pauses = [.. status.Pauses ?? []];
        Abort = status.Abort;
        BlueGreen = status.BlueGreen;
        Analyses = [.. status.Analyses ?? []];
        ScaleDowns = [.. status.ScaleDowns ?? []];
        History = [.. status.History ?? []];
        LastCommandId = status.LastCommandId;
        FullPromotion = status.FullPromotionRequested == true;
        ErrorBudget = status.ErrorBudget;
        Gates = [.. status.Gates ?? []];
    }

    public List<GateStatus> Gates { get; }

    public ErrorBudgetStatus? ErrorBudget { get; set; }

    public RolloutStatus Previous { get; }

    public string? StableRevision { get; set; }

    public string? CanaryRevision { get; set; }

    public int? CurrentStepIndex { get; set; }

    public DateTimeOffset? StepStartedAt { get; set; }

    public DateTimeOffset? LastProgressAt { get; set; }

    public List<PauseStatus> Pauses { get; }

    public AbortStatus? Abort { get; set; }

    public BlueGreenStatus? BlueGreen { get; set; }

    public List<AnalysisRunStatus> Analyses { get; }

    public List<ScaleDownStatus> ScaleDowns { get; }

    public List<RevisionHistoryEntry> History { get; }

    public string? LastCommandId { get; set; }

    public bool FullPromotion { get; set; }

    public bool IsAborted(string revision) => Abort is not null && Abort.Revision == revision;

    public bool HasPause(string reason) => Pauses.Exists(p => p.Reason == reason);

    public AnalysisRunStatus? FindAnalysis(string key) => Analyses.Find(a => a.Key == key);

    public void PutAnalysis(AnalysisRunStatus run)
    {
        var index = Analyses.FindIndex(a => a.Key == run.Key);
        if (index >= 0)
        {
            Analyses[index] = run;
        }
        else
        {
            Analyses.Add(run);
        }
    }
}
