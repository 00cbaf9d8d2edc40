using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Configuration;
using RolloutOperator.Runtime.Controllers;
using RolloutOperator.Runtime.Metrics;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Tests;

/// <summary>The client rate limit lets a priority reconcile's requests go first.</summary>
public sealed class ClientRateLimitHandlerTests
{
    [Fact]
    public async Task PriorityReconcile_RoutineRequestsQueuedAtTheLimit_ItsRequestIsNotQueuedBehindThem()
    {
        // One token, replenished once in ~17 minutes: the second routine request waits for the whole test.
        using var invoker = new HttpMessageInvoker(new ClientRateLimitHandler(qps: 0.001, burst: 1) { InnerHandler = new Ok() });
        using var first = await invoker.SendAsync(Request(), CancellationToken.None);
        var queued = invoker.SendAsync(Request(), CancellationToken.None);

        var answered = new TaskCompletionSource<HttpStatusCode>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var queue = new WorkQueue<string>(new WorkQueueOptions { Name = "rate" }, TimeProvider.System, RuntimeMetrics.CreateIsolated());
        var controller = new Controller<string>(
            new ControllerOptions { Name = "rate", Workers = 1 }, queue, new Sender(invoker, answered), TimeProvider.System, RuntimeMetrics.CreateIsolated(), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = controller.RunAsync(stop.Token);
        queue.AddPriority("new-revision");

        var status = await answered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(queued.IsCompleted);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Events_TheirBucketEmpty_AWriteIsNotQueuedBehindThem()
    {
        var inner = new Ok();
        using var invoker = new HttpMessageInvoker(new ClientRateLimitHandler(qps: 0.001, burst: 1) { InnerHandler = inner });
        using var firstEvent = await invoker.SendAsync(EventRequest(), CancellationToken.None);
        var queuedEvent = invoker.SendAsync(EventRequest(), CancellationToken.None);

        using var write = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "http://api.invalid/apis/rollout-operator.io/v1alpha1/namespaces/a/rollouts/r/status"), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.False(queuedEvent.IsCompleted);
        Assert.Equal(2, inner.Sent);
    }

    [Fact]
    public async Task Events_MoreWaitingThanTheBurst_TheNextIsAnswered429WithoutBeingSent()
    {
        var inner = new Ok();
        using var handler = new ClientRateLimitHandler(qps: 0.001, burst: 1) { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);
        using var sent = await invoker.SendAsync(EventRequest(), CancellationToken.None);
        var waiting = invoker.SendAsync(EventRequest(), CancellationToken.None);

        using var dropped = await invoker.SendAsync(EventRequest(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.TooManyRequests, dropped.StatusCode);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, inner.Sent);
        Assert.Equal(1, handler.DroppedEvents);
    }

    [Theory]
    [InlineData("http://api.invalid/apis/events.k8s.io/v1/namespaces/a/events", true)]
    [InlineData("http://api.invalid/api/v1/namespaces/a/events/e1", true)]
    [InlineData("http://api.invalid/apis/rollout-operator.io/v1alpha1/namespaces/events/rollouts/r/status", false)]
    [InlineData("http://api.invalid/apis/apps/v1/namespaces/a/deployments/d", false)]
    [InlineData("http://api.invalid/api/v1/namespaces/events-prod/services/s", false)]
    [InlineData("http://api.invalid/api/v1/namespaces/a/services/events", false)]
    [InlineData("http://api.invalid/k8s/clusters/c-1/apis/events.k8s.io/v1/namespaces/a/events", true)]
    [InlineData("http://api.invalid/k8s/clusters/c-1/api/v1/namespaces/a/events", true)]
    [InlineData("http://api.invalid/api/v1/events", true)]
    public void IsEvent_ByPath(string uri, bool expected) => Assert.Equal(expected, ClientRateLimitHandler.IsEvent(new Uri(uri)));

    private static HttpRequestMessage EventRequest() => new(HttpMethod.Post, "http://api.invalid/apis/events.k8s.io/v1/namespaces/a/events");

    private static HttpRequestMessage Request() => new(HttpMethod.Get, "http://api.invalid/apis/x");

    private sealed class Sender(HttpMessageInvoker invoker, TaskCompletionSource<HttpStatusCode> answered) : IReconciler<string>
    {
        public async Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken)
        {
            using var response = await invoker.SendAsync(Request(), cancellationToken);
            answered.TrySetResult(response.StatusCode);
            return ReconcileResult.Done;
        }
    }

    private sealed class Ok : HttpMessageHandler
    {
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
