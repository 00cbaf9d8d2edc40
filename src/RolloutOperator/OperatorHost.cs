using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using RolloutOperator.Configuration;
using RolloutOperator.Hosting;
using RolloutOperator.Logging;
using Serilog;

namespace RolloutOperator;

/// <summary>
/// Builds the operator process: configuration, Serilog, the Kubernetes client, the Rollout controller, leader election
/// and the /healthz, /readyz and /metrics endpoints. Usable in-process (end-to-end tests): build, StartAsync, read
/// <see cref="GetBoundAddress"/>, StopAsync.
/// </summary>
public static class OperatorHost
{
    /// <summary>
    /// Builds the host. <paramref name="configure"/> runs after the defaults, so a registration there replaces ours
    /// (e.g. a fake IMeasurementService or a TimeProvider). Throws <see cref="OperatorConfigurationException"/> when the
    /// configuration cannot work (no kubeconfig, bad flag values).
    /// </summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.AddCommandLine(args, CommandLineSwitches.Mappings);
        var options = OperatorOptionsLoader.Load(builder.Configuration);
        var kubernetes = KubernetesConfigLoader.Load(options, builder.Configuration);

        builder.Services.AddSerilog((_, logger) => SerilogSetup.Configure(logger, options), preserveStaticLogger: true);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(options.BindAddress!), options.Port));
        OperatorServices.Add(builder.Services, options, kubernetes);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        HealthEndpoints.Map(app);
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        ProcessMemoryMetrics.Register(registry);
        app.MapMetrics("/metrics", registry);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.GetBoundAddress();
            HostLog.Serving(app.Logger, address);
        });
        return app;
    }

    /// <summary>The address the endpoints listen on, once the host has started (with --port 0 the port is picked then).</summary>
    public static Uri GetBoundAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The host has not started yet.");
        return new Uri(address);
    }

    /// <summary>The process exit code the host's state implies: 0 after a clean stop, non-zero after a failure or leadership loss.</summary>
    public static int GetExitCode(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<OperatorExit>().ExitCode;
    }
}
