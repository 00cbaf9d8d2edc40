using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace RolloutOperator.Sandbox.Hosting;

/// <summary>The real operator host, in this process, with its log in a file so it does not interleave with the demo.</summary>
internal static class OperatorLauncher
{
    public static async Task<WebApplication> StartAsync(string kubeconfig, Uri? prometheus, string logFile, CancellationToken cancellationToken)
    {
        List<string> args = ["--kubeconfig", kubeconfig, "--leader-elect", "false", "--port", "0", "--bind-address", "127.0.0.1", "--log-format", "console"];
        if (prometheus is not null)
        {
            args.AddRange(["--prometheus-address", prometheus.ToString()]);
        }

        var app = OperatorHost.Build([.. args], services =>
        {
            services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
            // Registered after the host's own Serilog setup, so this logger factory is the one resolved.
            services.AddSerilog((_, logger) => logger.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("System.Net.Http.HttpClient", Serilog.Events.LogEventLevel.Warning)
                .Enrich.FromLogContext()
                .WriteTo.File(logFile, formatProvider: CultureInfo.InvariantCulture), preserveStaticLogger: true);
        });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
