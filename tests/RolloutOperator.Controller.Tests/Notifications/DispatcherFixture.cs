using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Controller.Tests.PrometheusProvider;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Testing;

namespace RolloutOperator.Controller.Tests.Notifications;

/// <summary>A dispatcher with short retry delays, delivering through the real outbound client to an in-process receiver.</summary>
internal sealed class DispatcherFixture : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly OutboundHttpClient _http;
    private Task _running = Task.CompletedTask;

    private DispatcherFixture(HttpReceiver receiver, NotificationOptions options)
    {
        Receiver = receiver;
        _http = new OutboundHttpClient(new OutboundOptions { DefaultTimeout = TimeSpan.FromSeconds(30), MaxTimeout = TimeSpan.FromSeconds(30) }, new InMemorySecrets(), TimeProvider.System);
        Metrics = new NotificationMetrics(Registry);
        Dispatcher = new NotificationDispatcher(_http, options, Metrics, TimeProvider.System, NullLoggerFactory.Instance, new Random(7));
        Dispatcher.Connect(new NotificationFeedback(key => Requeued.Add(key), null));
    }

    public HttpReceiver Receiver { get; }

    public NotificationDispatcher Dispatcher { get; }

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    public NotificationMetrics Metrics { get; }

    public System.Collections.Concurrent.ConcurrentBag<ObjectKey> Requeued { get; } = [];

    public static NotificationOptions FastRetries(int queue = 64) => new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(100),
        MaxAttempts = 4,
        QueueCapacity = queue,
    };

    public static async Task<DispatcherFixture> StartAsync(NotificationOptions? options = null, bool run = true)
    {
        var fixture = new DispatcherFixture(await HttpReceiver.StartAsync(), options ?? FastRetries());
        if (run)
        {
            fixture.Run();
        }

        return fixture;
    }

    public void Run() => _running = Dispatcher.RunAsync(_stop.Token);

    public static async Task EventuallyAsync(Func<bool> done, string what, int seconds = 10)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!done())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(10));
        await Receiver.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
    }
}
