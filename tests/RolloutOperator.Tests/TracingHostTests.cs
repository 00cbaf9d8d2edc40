using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Controller.Composition;

namespace RolloutOperator.Tests;

/// <summary>Tracing is off unless --tracing is given; then the OTLP exporter is configured from OTEL_* variables.</summary>
public sealed class TracingHostTests : IAsyncLifetime
{
    private readonly string _kubeconfig = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
    private ApiServerEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        _emulator.WriteKubeconfig(_kubeconfig);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        File.Delete(_kubeconfig);
    }

    [Fact]
    public async Task Build_Default_HasNoTracerProviderAndTracingOff()
    {
        await using var app = OperatorHost.Build(["--kubeconfig", _kubeconfig, "--leader-elect", "false", "--port", "0"]);

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.False(app.Services.GetRequiredService<RolloutControllerOptions>().Tracing);
    }

    [Fact]
    public async Task Build_WithTracingFlag_RegistersTracerProviderAndTurnsTracingOn()
    {
        await using var app = OperatorHost.Build(["--kubeconfig", _kubeconfig, "--leader-elect", "false", "--port", "0", "--tracing", "true"]);

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.True(app.Services.GetRequiredService<RolloutControllerOptions>().Tracing);
    }
}
