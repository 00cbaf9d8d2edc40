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
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
