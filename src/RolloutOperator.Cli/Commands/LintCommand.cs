using System.CommandLine;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Cli.Manifests;
using Spectre.Console;

namespace RolloutOperator.Cli.Commands;

/// <summary>Offline validation with the operator's parser; exit 1 when anything would be an InvalidSpec.</summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var file = Arguments.File();
        var command = new Command("lint", "Validate Rollout and (Cluster)AnalysisTemplate manifests offline") { file };
        context.SetAction(command, async (result, ct) =>
        {
            var documents = await ManifestReader.ReadAsync(result.GetValue(file)!, context.Input, ct).ConfigureAwait(false);
            var set = ManifestSet.Load(documents);
            var findings = Linter.Lint(set);
            foreach (var finding in findings)
            {
                context.Console.MarkupLineInterpolated($"[red]✖[/] {finding.ToString()}");
            }

            foreach (var skipped in set.Skipped)
            {
                context.Console.MarkupLineInterpolated($"[grey]- {skipped.Label}: not a rollout-operator.io kind, skipped[/]");
            }

            var summary = $"{set.Rollouts.Count} Rollout(s), {set.Templates.Count} template(s): {findings.Count} error(s)";
            if (findings.Count == 0)
            {
                context.Console.MarkupLineInterpolated($"[green]✔[/] {summary}");
                return ExitCodes.Success;
            }

            context.Console.WriteLine(summary);
            return ExitCodes.Error;
        });
        return command;
    }
}
