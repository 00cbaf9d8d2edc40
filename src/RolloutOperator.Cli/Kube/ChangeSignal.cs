using System.Threading.Channels;

namespace RolloutOperator.Cli.Kube;

/// <summary>
/// Merges watch streams into one "something changed" signal. Bursts collapse into one redraw; a watch that fails is
/// restarted after a second (its restart yields an initial signal, so nothing is missed while it was down).
/// </summary>
internal sealed class ChangeSignal(TimeProvider time)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public Task Pump(Func<CancellationToken, IAsyncEnumerable<string>> watch, CancellationToken cancellationToken) => Task.Run(
        async () =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await foreach (var _ in watch(cancellationToken).ConfigureAwait(false))
                    {
                        _channel.Writer.TryWrite(true);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or k8s.Autorest.HttpOperationException && !cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
                }
            }
        },
        cancellationToken);

    /// <summary>Waits for the next change; every signal queued meanwhile is consumed by this one wake-up.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }
}
