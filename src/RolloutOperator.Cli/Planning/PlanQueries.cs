using System.Globalization;
using System.Text;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

/// <summary>
/// The queries a metric runs, as the plan shows them. A judge runs each judged metric twice over its range window:
/// {{judge.revision}} is the canary revision on one side and the control (the stable revision, or its baseline pods) on
/// the other.
/// </summary>
internal static class PlanQueries
{
    public static string Render(MetricPlan metric, IReadOnlyDictionary<string, string> known)
    {
        if (metric.Web is { } web)
        {
            return $"{web.Method} {QueryPreview.Render(web.Url, known)}, value at {web.JsonPath.Text}";
        }

        if (metric.Job is { } job)
        {
            return $"a Job per measurement (activeDeadlineSeconds {job.ActiveDeadlineSeconds}, backoffLimit {job.BackoffLimit}); Complete is 1, Failed is 0";
        }

        if (metric.Judge is not { } judge)
        {
            return QueryPreview.Render(metric.Prometheus?.Query ?? "", known);
        }

        var range = metric.Prometheus?.Range;
        var text = new StringBuilder().Append(
            CultureInfo.InvariantCulture,
            $"judge against {judge.Control}: pass at score {judge.PassScore}, marginal (pause) at {judge.MarginalScore}, significance {Number(judge.Significance)}; range {range?.Window} step {range?.Step}");
        foreach (var m in judge.Metrics)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{m.Name}: bad direction {m.Direction}, tolerance {Number(m.Tolerance)}, minSamples {m.MinSamples}, weight {m.Weight}");
            text.Append("\n  canary:  ").Append(Indented(QueryPreview.Render(m.Query, Side(known, known.GetValueOrDefault("revision.canary")))));
            text.Append("\n  control: ").Append(Indented(QueryPreview.Render(m.Query, Side(known, Control(judge)))));
        }

        return text.ToString();
    }

    private static Dictionary<string, string> Side(IReadOnlyDictionary<string, string> known, string? revision)
    {
        var values = new Dictionary<string, string>(known, StringComparer.Ordinal);
        if (revision is not null)
        {
            values[JudgeVariables.Revision] = revision;
        }

        return values;
    }

    // The stable revision is not knowable offline, so the control side shows it as a placeholder.
    private static string Control(JudgePlan judge) =>
        judge.Control == JudgeControl.Baseline ? JudgeBaseline.RevisionLabel("<revision.stable>") : "<revision.stable>";

    // Continuation lines of a multi-line query line up under its first line.
    private static string Indented(string query) => string.Join("\n           ", query.Split('\n').Select(l => l.Trim()));

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
