using System.Text;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Status;

/// <summary>
/// Keeps a status the operator writes within the CRD's bounds and within <see cref="MaxBytes"/>, far below what the
/// API server stores for a whole object (about 1.5 MiB in etcd), so no spec — however many analyses, metrics and long
/// messages it produces — can make the status write fail. Level 0 only enforces the CRD's list and length limits; while
/// the result is still too large, measurement history and texts are cut further. Verdict counters and the newest
/// measurement of every metric (analysis scheduling reads it) are always kept. Deterministic, so a status that was cut
/// once is cut the same way again and an idle Rollout still writes nothing.
/// </summary>
internal static class StatusBudget
{
    public const int MaxBytes = 256 * 1024;

    // CRD bounds (RolloutStatus and the types below it).
    private const int MaxAnalyses = 16;
    private const int MaxMetrics = 32;
    private const int MaxMeasurements = 10;
    private const int MaxHistory = 20;

    private static readonly StatusBudgetLevel[] Levels =
    [
        new(MaxMeasurements, MaxMeasurements, Long: 4096, Short: 1024, Query: 8192),
        new(MaxMeasurements, 1, Long: 4096, Short: 1024, Query: 8192),
        new(3, 1, Long: 1024, Short: 512, Query: 2048),
        new(1, 1, Long: 512, Short: 256, Query: 1024),
        new(1, 1, Long: 128, Short: 64, Query: 256),
        new(1, 0, Long: 64, Short: 32, Query: 0),
    ];

    public static RolloutStatus Fit(RolloutStatus status, int maxBytes = MaxBytes) => FitWithJson(status, maxBytes).Status;

    /// <summary>The fitted status with its JSON, which measuring it produced anyway: the status writer diffs that text.</summary>
    public static (RolloutStatus Status, string Json) FitWithJson(RolloutStatus status, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(status);
        var fitted = status;
        var json = string.Empty;
        foreach (var level in Levels)
        {
            fitted = Apply(status, level);
            json = ApiJson.Serialize(fitted);
            if (Encoding.UTF8.GetByteCount(json) <= maxBytes)
            {
                break;
            }
        }

        return (fitted, json);
    }

    public static int Size(RolloutStatus status) => Encoding.UTF8.GetByteCount(ApiJson.Serialize(status));

    private static RolloutStatus Apply(RolloutStatus status, StatusBudgetLevel level) => status with
    {
        Message = Cut(status.Message, level.Long),
        Conditions = status.Conditions?.Select(c => c with { Message = Cut(c.Message, level.Long) ?? "" }).ToList(),
        Abort = status.Abort is { } abort ? abort with { Message = Cut(abort.Message, level.Long) } : null,
        Analyses = status.Analyses?.TakeLast(MaxAnalyses).Select(a => Apply(a, level)).ToList(),
        History = status.History?.Take(MaxHistory).Select(h => h with { Message = Cut(h.Message, level.Short) }).ToList(),
    };

    private static AnalysisRunStatus Apply(AnalysisRunStatus analysis, StatusBudgetLevel level) => analysis with
    {
        Message = Cut(analysis.Message, level.Long),
        Metrics = [.. analysis.Metrics.Take(MaxMetrics).Select(m => Apply(m, level))],
    };

    private static MetricStatus Apply(MetricStatus metric, StatusBudgetLevel level)
    {
        var kept = metric.Measurements.TakeLast(level.Measurements).ToList();
        return metric with
        {
            Message = Cut(metric.Message, level.Long),
            Measurements = [.. kept.Select((m, i) => m with
            {
                Value = Cut(m.Value, level.Short),
                Message = Cut(m.Message, level.Short),
                // Queries repeat from one measurement to the next: the newest ones are the ones worth keeping.
                Query = i >= kept.Count - level.Queries ? Cut(m.Query, level.Query) : null,
            })],
        };
    }

    /// <summary>At most <paramref name="max"/> characters (an ellipsis marks a cut); null when nothing may be kept.</summary>
    private static string? Cut(string? text, int max) => text switch
    {
        null => null,
        _ when text.Length <= max => text,
        _ when max <= 1 => null,
        _ => text[..(max - 1)] + "…",
    };
}
