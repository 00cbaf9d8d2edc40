using System.CommandLine;
using System.Text.Json.Nodes;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Cli.Manifests;
using RolloutOperator.Cli.Planning;
using RolloutOperator.Cli.Rendering;
using RolloutOperator.Core.Parsing;
using Spectre.Console;

namespace RolloutOperator.Cli.Commands;

/// <summary>Offline timeline of every Rollout in the input; templates in the input resolve its analyses.</summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var file = Arguments.File();
        var output = StructuredOutput.CreateOption();
        var command = new Command("plan", "Show, offline, what a Rollout will do: steps, weights, replicas, pauses, analyses, duration") { file, output };
        context.SetAction(command, async (result, ct) =>
        {
            var documents = await ManifestReader.ReadAsync(result.GetValue(file)!, context.Input, ct).ConfigureAwait(false);
            var (findings, timelines) = Plan(documents);
            if (findings.Count > 0)
            {
                foreach (var finding in findings)
                {
                    await context.Error.WriteLineAsync("error: " + finding).ConfigureAwait(false);
                }

                return ExitCodes.Error;
            }

            Write(context, timelines, result.GetValue(output));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Lint, then a timeline per Rollout; shared with the dashboard's plan page. Findings mean no timelines.</summary>
    public static (IReadOnlyList<LintFinding> Findings, IReadOnlyList<RolloutTimeline> Timelines) Plan(IReadOnlyList<ManifestDocument> documents)
    {
        var set = ManifestSet.Load(documents);
        var findings = Linter.Lint(set);
        if (findings.Count > 0)
        {
            return (findings, []);
        }

        if (set.Rollouts.Count == 0)
        {
            throw new CliException("the input has no Rollout to plan");
        }

        var parseContext = set.Context;
        return ([], set.Rollouts.Select(r => Planner.Build(r, SpecParser.Parse(r.Spec, parseContext).Plan!)).ToList());
    }

    private static void Write(CliContext context, IReadOnlyList<RolloutTimeline> timelines, string? format)
    {
        if (format is not null)
        {
            JsonNode node = timelines.Count == 1 ? StructuredOutput.ToNode(timelines[0]) : StructuredOutput.ToNode(timelines);
            StructuredOutput.Write(context.Console, node, format);
            return;
        }

        foreach (var timeline in timelines)
        {
            PlanRenderer.Render(context.Console, timeline);
            context.Console.WriteLine();
        }
    }
}
