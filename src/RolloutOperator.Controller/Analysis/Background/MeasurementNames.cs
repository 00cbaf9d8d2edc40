using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Analysis.Background;

/// <summary>
/// The name of one background measurement: a hash of everything that identifies it (Rollout uid, revision, analysis,
/// metric, the run's start and the measurement's index). Deterministic, so a reconcile that missed the in-progress
/// status write, or sees a stale cache, finds the measurement already running instead of starting a second one; the
/// uid keeps a re-created Rollout of the same name from taking an old result.
/// </summary>
internal static class MeasurementNames
{
    public static string For(string? rolloutUid, DueMeasurement due)
    {
        var identity = string.Join(
            '\n',
            rolloutUid ?? "",
            due.Revision,
            due.AnalysisKey,
            due.Metric.Name,
            due.RunStartedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            due.MeasurementIndex.ToString(CultureInfo.InvariantCulture));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        return $"query-{due.MeasurementIndex.ToString(CultureInfo.InvariantCulture)}-{hash}";
    }

    /// <summary>The provider address a measurement talks to: its concurrency is bounded per address.</summary>
    public static string Address(DueMeasurement due)
    {
        if (due.Metric.Web is { } web)
        {
            // The URL may hold placeholders in its path or query; scheme and authority are what the slot is for.
            var schemeEnd = web.Url.IndexOf("://", StringComparison.Ordinal);
            var pathStart = schemeEnd < 0 ? -1 : web.Url.IndexOf('/', schemeEnd + 3);
            return "web " + (pathStart < 0 ? web.Url : web.Url[..pathStart]);
        }

        return "prometheus " + (due.Metric.Prometheus?.Address ?? "");
    }
}
