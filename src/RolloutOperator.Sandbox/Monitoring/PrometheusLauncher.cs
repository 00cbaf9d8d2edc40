using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace RolloutOperator.Sandbox.Monitoring;

/// <summary>
/// Runs the Debian <c>prometheus</c> binary on 127.0.0.1 with a config and TSDB in a directory the sandbox owns,
/// scraping the simulator every second. Disposing kills the process (and anything it spawned) and waits for it to exit,
/// so the port is free again; the caller deletes the directory.
/// </summary>
internal sealed class PrometheusLauncher : IAsyncDisposable
{
    public const string DefaultBinary = "/usr/bin/prometheus";

    public const string InstallCommand = "apt-get install -y prometheus";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly ProcessOutput _output;

    private PrometheusLauncher(Process process, ProcessOutput output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>The binary to run: <c>SANDBOX_PROMETHEUS_BIN</c>, else <see cref="DefaultBinary"/>; null when it does not exist.</summary>
    public static string? FindBinary(string? configured) =>
        configured is { Length: > 0 } ? (File.Exists(configured) ? configured : null)
        : File.Exists(DefaultBinary) ? DefaultBinary : null;

    public static async Task<PrometheusLauncher> StartAsync(string binary, string directory, Uri scrapeTarget, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scrapeTarget);
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, Config(scrapeTarget), cancellationToken).ConfigureAwait(false);
        var port = FreePort.Pick();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var process = Start(binary, config, Path.Combine(directory, "data"), port);
        var launcher = new PrometheusLauncher(process, ProcessOutput.Attach(process), address);
        try
        {
            await launcher.WaitReadyAsync(time, cancellationToken).ConfigureAwait(false);
            return launcher;
        }
        catch
        {
            await launcher.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            // Waiting makes "stopped" mean the port and the TSDB lock are released before the directory is deleted.
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string Config(Uri target) => $"""
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: traffic-simulator
            scrape_interval: 1s
            scrape_timeout: 1s
            static_configs:
              - targets: ['{target.Authority}']
        """;

    private static Process Start(string binary, string config, string data, int port)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--config.file={config}");
        start.ArgumentList.Add($"--storage.tsdb.path={data}");
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        start.ArgumentList.Add("--log.level=warn");
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
    }

    private async Task WaitReadyAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < StartupTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited during startup (code {_process.ExitCode}):\n{_output.Text()}");
            }

            if (await IsReadyAsync(client, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"prometheus was not ready after {StartupTimeout.TotalSeconds:0}s:\n{_output.Text()}");
    }

    private async Task<bool> IsReadyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(Address, "-/ready"), cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // Not listening yet.
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // This probe timed out; the next one decides.
        }
    }
}
