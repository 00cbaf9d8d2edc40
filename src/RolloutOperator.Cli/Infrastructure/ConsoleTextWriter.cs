using System.Text;
using Spectre.Console;

namespace RolloutOperator.Cli.Infrastructure;

/// <summary>Lets System.CommandLine's help and completion output go through the same console as everything else (and into TestConsole in tests).</summary>
internal sealed class ConsoleTextWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => console.Profile.Out.Writer.Write(value);

    public override void Write(string? value) => console.Profile.Out.Writer.Write(value);

    public override void WriteLine(string? value) => console.Profile.Out.Writer.WriteLine(value);
}
