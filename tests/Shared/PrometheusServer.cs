using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RolloutOperator.Testing;

/// <summary>
/// A real Prometheus (<c>/usr/bin/prometheus</c>, or <c>$PROMETHEUS_BIN</c>) on 127.0.0.1 with a temporary config and
/// data directory, scraping the given targets every second. <see cref="StopAsync"/> and <see cref="StartAsync()"/> again
/// (same port, same data) simulate an outage. Disposing kills the process and deletes the directory. A missing binary
/// fails the test with the install command: analysis against real Prometheus is part of the contract, not optional.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string InstallHint = "Prometheus is required for these tests: apt-get install -y prometheus (or set PROMETHEUS_BIN)";

    private readonly string _binary;
    private readonly string _directory;
    private readonly int _port;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private PrometheusServer(string binary, string directory, int port)
    {
        _binary = binary;
        _directory = directory;
        _port = port;
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Address { get; }

    /// <summary>The binary to run; throws with the install hint when there is none.</summary>
    public static string Binary() => Binary(Environment.GetEnvironmentVariable("PROMETHEUS_BIN"));

    public static string Binary(string? configured)
    {
        var binary = configured is { Length: > 0 } ? configured : "/usr/bin/prometheus";
        return File.Exists(binary) ? binary : throw new InvalidOperationException($"{InstallHint}; not found: {binary}");
    }

    /// <param name="targets">host:port of each /metrics endpoint to scrape.</param>
    public static async Task<PrometheusServer> StartAsync(IEnumerable<string> targets, CancellationToken cancellationToken, TimeSpan? scrapeInterval = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var directory = Directory.CreateTempSubdirectory("prometheus-test-").FullName;
        var interval = $"{(int)(scrapeInterval ?? TimeSpan.FromSeconds(1)).TotalMilliseconds}ms";
        var config = $"""
            global:
              scrape_interval: {interval}
              evaluation_interval: {interval}
            scrape_configs:
              - job_name: simulator
                scrape_interval: {interval}
                scrape_timeout: {interval}
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(t => $"'{t}'"))}]
            """;
        await File.WriteAllTextAsync(Path.Combine(directory, "prometheus.yml"), config, cancellationToken);
        var server = new PrometheusServer(Binary(), directory, FreePort());
        try
        {
            await server.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Task StartAsync() => StartAsync(CancellationToken.None);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("already running");
        }

        var start = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {_binary}");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync(cancellationToken);
    }

    /// <summary>Kills the server (an outage as clients see it); the data directory stays for a restart.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still being released; the temp folder is cleaned eventually.
        }
    }

    private IEnumerable<string> Arguments() =>
    [
        $"--config.file={Path.Combine(_directory, "prometheus.yml")}",
        $"--storage.tsdb.path={Path.Combine(_directory, "data")}",
        $"--web.listen-address=127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}",
        "--log.level=warn",
    ];

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited during startup:\n{Output()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Address, "/-/ready"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Request timeout; try again.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"prometheus not ready after 30s:\n{Output()}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
