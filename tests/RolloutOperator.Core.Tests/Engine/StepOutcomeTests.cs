using RolloutOperator.Core.Engine;

namespace RolloutOperator.Core.Tests.Engine;

/// <summary>The one rule that combines what the steps of a decision decided.</summary>
public sealed class StepOutcomeTests
{
    private static readonly CanaryStepState Before = new(20, null, null, []);

    private static readonly CanaryStepState Later = new(40, null, null, []);

    [Fact]
    public void Then_LaterStepGivesNoReason_EarlierWaitingGateReasonAndHoldStay()
    {
        var earlier = StepOutcome.Wait("waiting for confirm-traffic-increase gate approve") with { GateReason = GateKeeper.WaitingForConfirmation, Hold = Before };

        var combined = earlier.Then(StepOutcome.Passed);

        Assert.Equal("waiting for confirm-traffic-increase gate approve", combined.Waiting);
        Assert.Equal(GateKeeper.WaitingForConfirmation, combined.GateReason);
        Assert.Equal(Before, combined.Hold);
    }

    [Fact]
    public void Then_LaterStepGivesReasons_TheLatestWins()
    {
        var earlier = StepOutcome.Wait("first") with { GateReason = GateKeeper.WaitingForGate, Hold = Before };
        var later = StepOutcome.Wait("second") with { GateReason = GateKeeper.WaitingForConfirmation, Hold = Later };

        var combined = earlier.Then(later);

        Assert.Equal("second", combined.Waiting);
        Assert.Equal(GateKeeper.WaitingForConfirmation, combined.GateReason);
        Assert.Equal(Later, combined.Hold);
    }

    [Fact]
    public void Then_DoneIsTheLaterSteps()
    {
        Assert.False(StepOutcome.Passed.Then(StepOutcome.Wait("pods")).Done);
        Assert.True(StepOutcome.Wait("pods").Then(StepOutcome.Passed).Done);
    }

    [Fact]
    public void Then_AnalysisRunningReleasedAndDeadline_StayOnceAnyStepStatesThem()
    {
        var running = new StepOutcome { WaitingOnAnalysis = true, PreviewReleased = true, DeadlineExceeded = true, Done = true };

        var afterwards = running.Then(StepOutcome.Wait("promoting"));
        var before = StepOutcome.Wait("promoting").Then(running);

        Assert.All([afterwards, before], c =>
        {
            Assert.True(c.WaitingOnAnalysis);
            Assert.True(c.PreviewReleased);
            Assert.True(c.DeadlineExceeded);
            Assert.Equal("promoting", c.Waiting);
        });
    }

    [Fact]
    public void Then_AnAbortOnEitherSide_DiscardsEveryReasonToWait()
    {
        var waiting = StepOutcome.Wait("analysis running") with
        {
            GateReason = GateKeeper.WaitingForGate,
            Hold = Before,
            WaitingOnAnalysis = true,
            PreviewReleased = true,
            Done = true,
        };

        foreach (var combined in new[] { waiting.Then(StepOutcome.Abort), StepOutcome.Abort.Then(waiting) })
        {
            Assert.Equal(StepOutcome.Abort, combined);
            Assert.True(combined.Aborted);
            Assert.False(combined.Done);
            Assert.Null(combined.Waiting);
            Assert.Null(combined.GateReason);
            Assert.Null(combined.Hold);
            Assert.False(combined.WaitingOnAnalysis);
            Assert.False(combined.PreviewReleased);
        }
    }

    [Fact]
    public void IfDone_StopsTheChainAtTheFirstStepThatHolds()
    {
        var ran = new List<string>();
        StepOutcome Step(string name, StepOutcome outcome)
        {
            ran.Add(name);
            return outcome;
        }

        var combined = Step("advance", StepOutcome.Passed)
            .IfDone(() => Step("gate", StepOutcome.Wait("waiting for gate")))
            .IfDone(() => Step("run", StepOutcome.Passed));

        Assert.Equal(["advance", "gate"], ran);
        Assert.False(combined.Done);
        Assert.Equal("waiting for gate", combined.Waiting);
    }
}
