using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Image;

/// <summary>
/// The image's payload without an image: `dotnet publish` as the Dockerfile runs it, then the published entrypoint
/// started as the container would start it.
/// </summary>
internal sealed class PublishedHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PublishedHost(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The Dockerfile's publish (its `-o /app` becomes <paramref name="output"/>; restore is not skipped here).</summary>
    public static async Task PublishAsync(string output)
    {
        var result = await ProcessRunner.RunAsync(
            "dotnet", ["publish", "src/RolloutOperator", "-c", "Release", "-o", output, "/p:UseAppHost=false", "--nologo"], TimeSpan.FromMinutes(8));
        result.EnsureSuccess();
    }

    public static PublishedHost Start(string directory, IEnumerable<string> arguments)
    {
        var entrypoint = Path.Combine(directory, EntrypointAssembly());
        Assert.True(File.Exists(entrypoint), $"the Dockerfile's ENTRYPOINT {entrypoint} was not published");
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[entrypoint, .. arguments, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            info.ArgumentList.Add(argument);
        }

        // Out of cluster: the host must take --kubeconfig, never the in-cluster config of whatever runs the tests.
        info.Environment.Remove("KUBERNETES_SERVICE_HOST");
        info.Environment["POD_NAME"] = "deploy-tests";
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        return new PublishedHost(Process.Start(info)!, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The dll named by the Dockerfile's ENTRYPOINT ["dotnet", "X.dll"].</summary>
    private static string EntrypointAssembly()
    {
        var entry = Dockerfile.Load().All("ENTRYPOINT").Single();
        return entry.Split('"', StringSplitOptions.RemoveEmptyEntries).Single(p => p.EndsWith(".dll", StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
}
