using Xunit.Abstractions;

namespace RolloutOperator.ScaleBench.Tests;

/// <summary>
/// The scale benchmark's small variant, through the same harness as the published run: the real operator process
/// against the emulator with 200 Rollouts. It asserts counts only (writes, queries, promoted Rollouts), never timings;
/// the pauses are shortened to 2 s and the client rate limit lifted because only the number of writes per step matters here.
/// </summary>
public sealed class SmallScaleRunTests(ITestOutputHelper output)
{
    private const int Rollouts = 200;

    [Fact]
    public async Task SmallRun_200Rollouts_IdleIsSilentStepsAreCheapAndEachMetricIsQueriedOncePerInterval()
    {
        var options = new BenchOptions
        {
            Rollouts = [Rollouts],
            Unrelated = 200,
            IdleWindow = TimeSpan.FromSeconds(5),
            Progressing = Rollouts,
            ReactionBatch = 20,
            ReactionSamples = 2,
            AnalysisRollouts = 3,
            AnalysisWindow = TimeSpan.FromSeconds(15),
            Pause = TimeSpan.FromSeconds(2),
            Settle = TimeSpan.FromSeconds(1),
            CompareTransformsFrom = int.MaxValue,
            // No client rate limit: the counts do not depend on it and the run stays short.
            OperatorArgs = ["--qps", "0"],
        };
        using var progress = new TestOutputWriter(output);

        var result = await new ScaleRun(options, progress).RunAsync(Rollouts, CancellationToken.None);

        Assert.Equal(0, result.ColdStart!.Writes);
        Assert.Equal(0, result.Idle!.Writes);
        Assert.Equal(options.ReactionSamples, result.ReactionAlone!.Count);
        Assert.Equal(options.ReactionBatch, result.ReactionBatch!.Count);
        var steps = result.Steps!;
        Assert.Equal(Rollouts, steps.Completed);
        Assert.Equal(2 * Rollouts, steps.Pauses);
        Assert.InRange(steps.WritesPerStep, 0, 3);
        var analysis = result.Analysis!;
        Assert.Equal(0, analysis.SilentRollouts);
        Assert.True(analysis.Gaps >= analysis.Rollouts, $"only {analysis.Gaps} repeated queries from {analysis.Rollouts} Rollouts");
        // Never a second query within one 10 s interval; measurement times are kept in whole seconds, hence 9 s.
        Assert.True(analysis.MinGapSeconds >= 9, $"two queries of one metric {analysis.MinGapSeconds:0.00} s apart");
    }
}
