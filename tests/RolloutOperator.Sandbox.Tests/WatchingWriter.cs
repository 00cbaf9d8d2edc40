using System.Text;

namespace RolloutOperator.Sandbox.Tests;

/// <summary>Captures what the sandbox writes, and cancels it once a given line appears (a test's Ctrl-C).</summary>
internal sealed class WatchingWriter(string? stopWhen, CancellationTokenSource stop) : StringWriter(new StringBuilder(), System.Globalization.CultureInfo.InvariantCulture)
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (stopWhen is not null && value is not null && value.Contains(stopWhen, StringComparison.Ordinal))
        {
            stop.Cancel();
        }
    }
}
