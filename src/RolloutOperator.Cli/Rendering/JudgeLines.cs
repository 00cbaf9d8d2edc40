using System.Globalization;
using RolloutOperator.Core.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RolloutOperator.Cli.Rendering;

/// <summary>A judge metric's latest judgement under its metric line: the score, then each judged metric's classification.</summary>
internal static class JudgeLines
{
    public static void Add(TreeNode metric, JudgeStatus? judge)
    {
        if (judge is null)
        {
            return;
        }

        var score = metric.AddNode(new Text(string.Create(
            CultureInfo.InvariantCulture,
            $"judge score {judge.Score} (pass {judge.PassScore}, marginal {judge.MarginalScore}) against {judge.ControlRevision}")));
        foreach (var m in judge.Metrics)
        {
            score.AddNode(new Text(Line(m)));
        }
    }

    private static string Line(JudgeMetricStatus m) => m.Classification == JudgeClassification.NoData
        ? $"{m.Name}  NoData  {m.Message}"
        : string.Create(CultureInfo.InvariantCulture, $"{m.Name}  {m.Classification}  median {m.CanaryMedian} vs {m.ControlMedian}, change {m.Effect}, p {m.PValue}, samples {m.CanarySamples}/{m.ControlSamples}, weight {m.Weight}");
}
