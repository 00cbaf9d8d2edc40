using RolloutOperator.Cli.Kube;
using Spectre.Console.Testing;

namespace RolloutOperator.Cli.Tests.Support;

/// <summary>A TestConsole a long-running command (watch) writes to while the test polls what it has written so far.</summary>
internal sealed class SharedConsole
{
    private readonly TestConsole _console = new TestConsole().Width(250);
    private readonly Lock _gate = new();

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var app = new CliApp(_console, TextWriter.Synchronized(new StringWriter()), new KubeClientFactory(_ => null), TimeProvider.System);
        return Task.Run(() => app.RunAsync(args, cancellationToken), CancellationToken.None);
    }

    public async Task WaitForAsync(string text)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (TryRead(out var output) && output.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"\"{text}\" never appeared in:\n{_console.Output}");
    }

    // The command writes from another thread without our lock; StringBuilder.ToString can throw when it reads in the
    // middle of an append. Such a read is skipped and the next poll reads again.
    private bool TryRead(out string output)
    {
        lock (_gate)
        {
            try
            {
                output = _console.Output;
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                output = string.Empty;
                return false;
            }
        }
    }
}
