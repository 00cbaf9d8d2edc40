using System.Collections.Frozen;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Turns a metric's <c>slo</c> into an <see cref="SloPlan"/>. Windows not given are scaled to the analysis: the long
/// window is the analysis' planned duration (interval × count; interval × 12 for background analysis without count),
/// the short one a twelfth of it (the SRE workbook's ratio) but never shorter than the interval, so every request
/// between two measurements is seen.
/// </summary>
internal static class SloParser
{
    public const int ShortWindowDivisor = 12;
    public const int BackgroundMeasurements = 12;

    public static FrozenSet<string> MetricVariables { get; } = FrozenSet.Create(StringComparer.Ordinal, SloQueries.RevisionVariable, SloQueries.WindowVariable);

    public static FrozenSet<string> ServiceVariables { get; } = FrozenSet.Create(StringComparer.Ordinal, SloQueries.WindowVariable);

    public static SloPlan? Parse(ServiceLevelObjective slo, string path, TimeSpan interval, int? count, IReadOnlySet<string> args, SpecErrors errors)
    {
        var before = errors.Count;
        CheckObjective(slo.Objective, $"{path}.objective", errors);
        CheckQueries(slo.Good, slo.Bad, slo.Total, path, args, MetricVariables, errors);
        RequireRevision(slo, path, errors);
        var threshold = slo.BurnRateThreshold ?? SpecDefaults.BurnRateThreshold;
        if (!(threshold > 0) || double.IsInfinity(threshold))
        {
            errors.Add($"{path}.burnRateThreshold", $"must be a number greater than 0, got {threshold}");
        }

        var (longWindow, shortWindow) = Windows(slo, path, interval, count, errors);
        var period = Fields.Duration(slo.Period, SpecDefaults.SloPeriod, $"{path}.period", errors, positive: true);
        if (errors.Count > before)
        {
            return null;
        }

        return new SloPlan(slo.Objective, slo.Good, slo.Bad, slo.Total, threshold, longWindow, shortWindow, period, slo.StableBurning ?? SpecDefaults.StableBurning);
    }

    public static void CheckObjective(double objective, string path, SpecErrors errors)
    {
        if (!(objective > 0 && objective < 100))
        {
            errors.Add(path, $"objective is a percentage above 0 and below 100 (e.g. 99.9), got {objective}");
        }
    }

    public static void CheckQueries(string? good, string? bad, string? total, string path, IReadOnlySet<string> args, IReadOnlySet<string> variables, SpecErrors errors)
    {
        if ((good is null) == (bad is null))
        {
            errors.Add(path, "set exactly one of good or bad");
        }

        Check(good, $"{path}.good", args, variables, errors);
        Check(bad, $"{path}.bad", args, variables, errors);
        if (Fields.IsBlank(total))
        {
            errors.Add($"{path}.total", "total is required");
        }
        else
        {
            Check(total, $"{path}.total", args, variables, errors);
        }
    }

    private static void Check(string? query, string path, IReadOnlySet<string> args, IReadOnlySet<string> variables, SpecErrors errors)
    {
        if (query is null)
        {
            return;
        }

        if (Fields.IsBlank(query))
        {
            errors.Add(path, "must not be empty");
            return;
        }

        QueryPlaceholders.Validate(query, args, path, errors, variables);
    }

    // Without {{slo.revision}} the canary and the stable revision would be measured by the same query.
    private static void RequireRevision(ServiceLevelObjective slo, string path, SpecErrors errors)
    {
        foreach (var (query, field) in new[] { (slo.Good ?? slo.Bad, slo.Good is null ? "bad" : "good"), (slo.Total, "total") })
        {
            if (!Fields.IsBlank(query) && !PromQlTemplate.Placeholders(query!).Contains(SloQueries.RevisionVariable))
            {
                errors.Add($"{path}.{field}", "must select the judged revision with {{slo.revision}}, e.g. revision=\"{{slo.revision}}\"");
            }
        }
    }

    private static (TimeSpan Long, TimeSpan Short) Windows(ServiceLevelObjective slo, string path, TimeSpan interval, int? count, SpecErrors errors)
    {
        var derivedLong = Whole(interval * (count ?? BackgroundMeasurements));
        var longWindow = slo.LongWindow is null ? derivedLong : Fields.Duration(slo.LongWindow, "", $"{path}.longWindow", errors, positive: true);
        var derivedShort = Whole(TimeSpan.FromTicks(Math.Max(longWindow.Ticks / ShortWindowDivisor, interval.Ticks)));
        var shortWindow = slo.ShortWindow is null ? Min(derivedShort, longWindow) : Fields.Duration(slo.ShortWindow, "", $"{path}.shortWindow", errors, positive: true);
        if (shortWindow > longWindow)
        {
            errors.Add($"{path}.shortWindow", $"short window {Durations.Format(shortWindow)} must not exceed the long window {Durations.Format(longWindow)}");
        }

        return (longWindow, shortWindow);
    }

    // PromQL range selectors take whole units; round derived windows up to a whole second.
    private static TimeSpan Whole(TimeSpan value) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(value.TotalSeconds)));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
