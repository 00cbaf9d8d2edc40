using Spectre.Console;

namespace RolloutOperator.Cli.Infrastructure;

internal static class ConsoleFactory
{
    public static IAnsiConsole Create(bool noColor) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Out = new AnsiConsoleOutput(Console.Out),
    });
}
