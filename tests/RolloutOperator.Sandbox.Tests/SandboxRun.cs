using System.Diagnostics;
using System.Text.RegularExpressions;
using RolloutOperator.Sandbox.Progress;

namespace RolloutOperator.Sandbox.Tests;

/// <summary>One in-process run of the sandbox entry point with its output captured, bounded in time.</summary>
internal sealed partial class SandboxRun
{
    private SandboxRun(int exitCode, string output, TimeSpan elapsed)
    {
        ExitCode = exitCode;
        Output = output;
        Elapsed = elapsed;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The sandbox's directory, from its banner.</summary>
    public string Directory => Match(DirectoryLine(), "directory");

    /// <summary>The Prometheus child's pid, from its banner.</summary>
    public int PrometheusPid => int.Parse(Match(PidLine(), "prometheus pid"), System.Globalization.CultureInfo.InvariantCulture);

    /// <param name="stopWhen">Cancels the run (as Ctrl-C would) once a line containing this text was written.</param>
    public static async Task<SandboxRun> RunAsync(string[] args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, string? stopWhen = null)
    {
        using var stop = new CancellationTokenSource(timeout);
        var writer = new WatchingWriter(stopWhen, stop);
        var clock = Stopwatch.StartNew();
        var exitCode = await SandboxApp.RunAsync(
            args,
            _ => new PlainOutput(writer, TimeProvider.System),
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            TimeProvider.System,
            writer,
            stop.Token);
        return new SandboxRun(exitCode, writer.ToString(), clock.Elapsed);
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // No such process.
        }
    }

    private string Match(Regex regex, string what)
    {
        var match = regex.Match(Output);
        Assert.True(match.Success, $"no {what} in the output:\n{Output}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"directory:\s+(\S+) \(removed on exit\)")]
    private static partial Regex DirectoryLine();

    [GeneratedRegex(@"prometheus:\s+\S+ \(pid (\d+)\)")]
    private static partial Regex PidLine();
}
