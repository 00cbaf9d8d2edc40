using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

/// <summary>The four error-ratio queries an SLO metric runs per measurement, rendered as far as values are known offline.</summary>
internal static class SloPreview
{
    public static string Render(SloPlan slo, IReadOnlyDictionary<string, string> known)
    {
        var template = SloQueries.ErrorRatio(slo.Good, slo.Bad, slo.Total);
        var lines = new List<string>
        {
            $"# SLO {slo.Objective}%: burn rate = error ratio / {1 - (slo.Objective / 100):0.#####}; fails when canary burn > {slo.Threshold} over both windows; stable burning: {slo.StableBurning}",
        };
        foreach (var (role, revision) in new[] { ("canary", "revision.canary"), ("stable", "revision.stable") })
        {
            foreach (var (name, window) in new[] { ("long", slo.LongWindow), ("short", slo.ShortWindow) })
            {
                lines.Add($"# {role}, {name} window {DurationText.Format(window)}");
                lines.Add(One(template, known, revision, window));
            }
        }

        return string.Join('\n', lines);
    }

    private static string One(string template, IReadOnlyDictionary<string, string> known, string revision, TimeSpan window)
    {
        var values = new Dictionary<string, string>(known, StringComparer.Ordinal);
        SloQueries.AddVariables(values, known.TryGetValue(revision, out var value) ? value : null, window);

        // An unknown revision (stable, offline) stays visible under its own name rather than as <slo.revision>.
        var text = values.ContainsKey(SloQueries.RevisionVariable) ? template : template.Replace("{{" + SloQueries.RevisionVariable + "}}", "{{" + revision + "}}", StringComparison.Ordinal);
        return QueryPreview.Render(text, values);
    }
}
