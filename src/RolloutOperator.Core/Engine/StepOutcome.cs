namespace RolloutOperator.Core.Engine;

/// <summary>
/// What one step of a decision decided besides the status it recorded: whether it let the rollout move on, why the
/// rollout waits, and what the waiting implies. Steps return it; the deciders combine the outcomes in the order the steps
/// ran with <see cref="Then"/>, and <see cref="RolloutDecider"/> hands the combined one to the progress deadline and the
/// status summary.
/// </summary>
internal readonly record struct StepOutcome
{
    /// <summary>The step is complete (or had nothing to do): the rollout may move on.</summary>
    public static StepOutcome Passed { get; } = new() { Done = true };

    /// <summary>The step holds without a message of its own (a recorded pause, a restarted analysis).</summary>
    public static StepOutcome Held => default;

    /// <summary>The step aborted the revision.</summary>
    public static StepOutcome Abort { get; } = new() { Aborted = true };

    public bool Done { get; init; }

    /// <summary>Why the rollout waits right now (for the status message and the deadline's abort message).</summary>
    public string? Waiting { get; init; }

    /// <summary>The condition reason while a webhook gate holds the rollout.</summary>
    public string? GateReason { get; init; }

    /// <summary>An analysis or a bounded gate is running; it has limits of its own, so the progress deadline waits for it.</summary>
    public bool WaitingOnAnalysis { get; init; }

    /// <summary>Canary: the step state to hold while a webhook gate waits (instead of the current step's).</summary>
    public CanaryStepState? Hold { get; init; }

    /// <summary>Blue/green: the preview passed its gates and scales to full size for the switch.</summary>
    public bool PreviewReleased { get; init; }

    /// <summary>The revision was aborted: nothing waits any more, the world is the aborted one.</summary>
    public bool Aborted { get; init; }

    /// <summary>No progress within the deadline, without an abort: the rollout is reported as degraded.</summary>
    public bool DeadlineExceeded { get; init; }

    public static StepOutcome Wait(string why) => new() { Waiting = why };

    /// <summary>Runs <paramref name="next"/> only when this step is done: a chain of steps stops at the first that holds.</summary>
    public StepOutcome IfDone(Func<StepOutcome> next) => Done ? Then(next()) : this;

    /// <summary>
    /// This outcome followed by <paramref name="next"/>: the later step says whether the rollout moves on; a reason to
    /// wait, a gate reason or a hold is the latest one given (a step that gives none keeps the earlier); facts that only
    /// add (analysis running, preview released, deadline exceeded) stay once any step states them. An abort in either
    /// discards every reason to wait: an aborted revision no longer waits for anything.
    /// </summary>
    public StepOutcome Then(StepOutcome next)
    {
        if (Aborted || next.Aborted)
        {
            return Abort;
        }

        return new StepOutcome
        {
            Done = next.Done,
            Waiting = next.Waiting ?? Waiting,
            GateReason = next.GateReason ?? GateReason,
            WaitingOnAnalysis = WaitingOnAnalysis || next.WaitingOnAnalysis,
            Hold = next.Hold ?? Hold,
            PreviewReleased = PreviewReleased || next.PreviewReleased,
            DeadlineExceeded = DeadlineExceeded || next.DeadlineExceeded,
        };
    }
}
