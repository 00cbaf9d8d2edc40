using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RolloutOperator.ScaleBench;

/// <summary>
/// The real operator binary as its own process, so its memory and CPU are its own: RSS and CPU-seconds come from
/// /proc/&lt;pid&gt;, the managed heap and reconcile counts from its /metrics endpoint.
/// </summary>
internal sealed class OperatorUnderTest : IAsyncDisposable
{
    public const string PodName = "bench-operator";
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly StreamWriter _log;

    private OperatorUnderTest(Process process, Uri endpoint, StreamWriter log, DateTimeOffset started)
    {
        _process = process;
        _log = log;
        Started = started;
        _http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
    }

    public DateTimeOffset Started { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static OperatorUnderTest Start(string kubeconfig, string logPath, IEnumerable<string> extra)
    {
        var port = FreePort();
        var dll = typeof(RolloutOperator.OperatorHost).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // As the container image runs it (Dockerfile): workstation GC.
        info.Environment["DOTNET_gcServer"] = "0";
        foreach (var arg in new[] { dll, "--kubeconfig", kubeconfig, "--leader-elect", "false", "--port", port.ToString(CultureInfo.InvariantCulture), "--bind-address", "127.0.0.1", "--pod-name", PodName, "--log-level", "Warning" }.Concat(extra))
        {
            info.ArgumentList.Add(arg);
        }

        var started = TimeProvider.System.GetUtcNow();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the operator");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OperatorUnderTest(process, new Uri($"http://127.0.0.1:{port}/"), log, started);
    }

    /// <summary>User and system CPU time of the process, from /proc/&lt;pid&gt;/stat (clock ticks of 1/100 s).</summary>
    public double CpuSeconds() => ProcStat.CpuSeconds(Pid);

    public long RssBytes() => ProcStat.RssBytes(Pid);

    public async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        try
        {
            using var response = await _http.GetAsync("readyz", ct);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task<MetricsSnapshot> ScrapeAsync(CancellationToken ct) =>
        MetricsSnapshot.Parse(await _http.GetStringAsync("metrics", ct));

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        _http.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
