using System.CommandLine;

namespace RolloutOperator.Cli.Commands;

internal static class Arguments
{
    public static Argument<string> Name() => new("NAME") { Description = "Name of the Rollout" };

    public static Option<string> File() => new("--filename", "-f") { Description = "Manifest file, or - for standard input", Required = true };
}
