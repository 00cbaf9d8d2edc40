using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using RolloutOperator.Controller.Composition;

namespace RolloutOperator.Tests;

/// <summary>Tracing is off unless --tracing is given; then the OTLP exporter is configured from OTEL_* variables.</summary>
public sealed class TracingHostTests : IAsyncLifetime
{
    private EmulatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await EmulatorCluster.StartAsync(CancellationToken.None);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Build_Default_HasNoTracerProviderAndTracingOff()
    {
        await using var app = OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, "--leader-elect", "false", "--port", "0"]);

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.False(app.Services.GetRequiredService<RolloutControllerOptions>().Tracing);
    }

    [Fact]
    public async Task Build_WithTracingFlag_RegistersTracerProviderAndTurnsTracingOn()
    {
        await using var app = OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, "--leader-elect", "false", "--port", "0", "--tracing", "true"]);

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.True(app.Services.GetRequiredService<RolloutControllerOptions>().Tracing);
    }
}
