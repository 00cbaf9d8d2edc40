using System.Diagnostics;
using RolloutOperator.Testing;

namespace RolloutOperator.EndToEnd.Tests.Support;

/// <summary>The operator binary running as a child process; <see cref="Kill"/> ends it like a node failure would.</summary>
public sealed class OperatorProcess
{
    private readonly Process _process;
    private readonly string _log;

    private OperatorProcess(Process process, string log)
    {
        _process = process;
        _log = log;
    }

    /// <param name="environment">Variables set for the child on top of this process' environment.</param>
    public static OperatorProcess Start(string dir, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = typeof(RolloutOperator.OperatorHost).Assembly.Location;
        var log = Path.Combine(dir, $"operator-{Guid.NewGuid():N}.log");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the operator");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OperatorProcess(process, log);
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            writer.WriteLine(line);
        }
    }

    public bool HasExited => _process.HasExited;

    public string Log => File.Exists(_log) ? ReadShared(_log) : "";

    /// <summary>SIGKILL: no shutdown hooks, no lease release, in-flight writes cut off.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static string RepoRoot => TestPaths.RepoRoot;
}
