using Microsoft.Extensions.Hosting;

namespace RolloutOperator.Sandbox.Hosting;

/// <summary>
/// Replaces the console lifetime of the in-process operator host: the sandbox owns Ctrl-C and SIGTERM and stops its
/// components in order, so the operator must not stop itself on the same signal.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
