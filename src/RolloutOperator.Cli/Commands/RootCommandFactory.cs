using System.CommandLine;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;

namespace RolloutOperator.Cli.Commands;

internal static class RootCommandFactory
{
    public const string DisplayName = "kubectl rollout-operator";

    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand("Watch, control, lint and plan rollout-operator.io Rollouts");
        context.Global.AddTo(root);
        root.Add(GetCommand.Create(context));
        root.Add(ListCommand.Create(context));
        root.Add(StatusCommand.Create(context));
        foreach (var command in ControlCommands.Create(context))
        {
            root.Add(command);
        }

        root.Add(RestartCommand.Create(context));
        root.Add(UndoCommand.Create(context));
        root.Add(SetImageCommand.Create(context));
        root.Add(LintCommand.Create(context));
        root.Add(PlanCommand.Create(context));
        root.Add(Dashboard.DashboardCommand.Create(context));
        root.Add(VersionCommand.Create(context));
        root.Add(CompletionCommand.Create(context));
        return root;
    }
}
