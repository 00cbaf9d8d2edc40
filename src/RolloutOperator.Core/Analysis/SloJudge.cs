using System.Globalization;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Analysis;

/// <summary>
/// Judges one SLO measurement with the multi-window rule: a revision burns when its burn rate exceeds the threshold over
/// both the long window (it is sustained) and the short one (it is still happening). The stable revision is judged the
/// same way, so an incident that already burns the budget is reported as such instead of being blamed on the canary.
/// </summary>
public static class SloJudge
{
    /// <summary>Null when the canary has no data in a window (0/0 or no series): the metric's noDataPolicy decides.</summary>
    public static SloVerdict? Judge(SloPlan slo, SloReading reading)
    {
        ArgumentNullException.ThrowIfNull(slo);
        ArgumentNullException.ThrowIfNull(reading);
        if (Burn(reading.CanaryLong, slo) is not { } canaryLong || Burn(reading.CanaryShort, slo) is not { } canaryShort)
        {
            return null;
        }

        var stableLong = Burn(reading.StableLong, slo);
        var stableShort = Burn(reading.StableShort, slo);
        var t = slo.Threshold;
        var stableBurning = stableLong > t && stableShort > t;
        var status = new SloMeasurement
        {
            CanaryLongBurnRate = Round(canaryLong),
            CanaryShortBurnRate = Round(canaryShort),
            StableLongBurnRate = stableLong is { } sl ? Round(sl) : null,
            StableShortBurnRate = stableShort is { } ss ? Round(ss) : null,
            Threshold = t,
            Windows = $"{Durations.Format(slo.LongWindow)}/{Durations.Format(slo.ShortWindow)}",
            BudgetConsumedPercent = Round(canaryLong * (slo.LongWindow / slo.Period) * Math.Clamp(reading.TrafficShare, 0, 1) * 100),
            StableBurning = stableBurning ? true : null,
        };
        var value = $"burn {N(canaryLong)} ({Durations.Format(slo.LongWindow)}) / {N(canaryShort)} ({Durations.Format(slo.ShortWindow)})";
        var canary = $"canary burn rate {N(canaryLong)} over {Durations.Format(slo.LongWindow)} and {N(canaryShort)} over {Durations.Format(slo.ShortWindow)}";
        var (phase, message) = stableBurning
            ? StableBurning(slo, canary, canaryLong - stableLong!.Value, canaryShort - stableShort!.Value, $"stable is burning: stable burn rate {N(stableLong!.Value)} and {N(stableShort!.Value)} exceed {N(t)}")
            : Canary(canaryLong > t, canaryShort > t, canary, t);
        return new SloVerdict(phase, value, message, status);
    }

    private static (AnalysisPhase, string) Canary(bool longBurning, bool shortBurning, string canary, double t) => (longBurning, shortBurning) switch
    {
        (true, true) => (AnalysisPhase.Failed, $"{canary} both exceed the threshold {N(t)}"),
        (true, false) => (AnalysisPhase.Successful, $"{canary}: only the long window exceeds {N(t)}, the burn has stopped"),
        (false, true) => (AnalysisPhase.Successful, $"{canary}: only the short window exceeds {N(t)}, a blip rather than a sustained burn"),
        _ => (AnalysisPhase.Successful, $"{canary} within the threshold {N(t)}"),
    };

    // Hold: no verdict on the canary during an incident (a human decides). Continue: the canary answers only for the
    // burn it adds on top of the stable revision's.
    private static (AnalysisPhase, string) StableBurning(SloPlan slo, string canary, double excessLong, double excessShort, string stable)
    {
        if (slo.StableBurning == StableBurnPolicy.Hold)
        {
            return (AnalysisPhase.Inconclusive, $"{stable}; the canary is not judged during an incident on stable (stableBurning: Hold); {canary}");
        }

        return excessLong > slo.Threshold && excessShort > slo.Threshold
            ? (AnalysisPhase.Failed, $"{stable}, and the canary burns faster still: {N(excessLong)} and {N(excessShort)} above stable exceed {N(slo.Threshold)}; {canary}")
            : (AnalysisPhase.Successful, $"{stable}; the canary adds no more than {N(slo.Threshold)} to it (stableBurning: Continue); {canary}");
    }

    // Rate extrapolation can put a ratio a hair below zero; no events over a window (NaN) or a non-number is no data.
    private static double? Burn(double errorRatio, SloPlan slo) =>
        double.IsFinite(errorRatio) ? SloQueries.BurnRate(Math.Max(0, errorRatio), slo.ErrorBudget) : null;

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);

    private static string N(double value) => Round(value).ToString("0.###", CultureInfo.InvariantCulture);
}
