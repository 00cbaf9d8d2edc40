using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Gates;

/// <summary>
/// Calls the webhooks whose gates are due (<see cref="GateScheduler"/>) under the operator's outbound rules, all at once
/// (at most 16 per Rollout), and turns each answer into a <see cref="GateResult"/>: 2xx passes, anything else (an error
/// status, a timeout, a refused host, an unreadable Secret) does not. Only the reconcile's cancellation escapes.
/// </summary>
internal sealed class WebhookCaller
{
    private readonly IOutboundHttp _outbound;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public WebhookCaller(IOutboundHttp outbound, TimeProvider time, ILogger<WebhookCaller> logger)
    {
        _outbound = outbound;
        _time = time;
        _logger = logger;
    }

    public async Task<IReadOnlyList<GateResult>> CallDueAsync(Rollout rollout, RolloutPlan plan, RolloutStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = GateScheduler.Due(plan, status, now);
        if (due.Count == 0)
        {
            return [];
        }

        var calls = due.Select(d => CallAsync(rollout, status, d, cancellationToken));
        return await Task.WhenAll(calls).ConfigureAwait(false);
    }

    private async Task<GateResult> CallAsync(Rollout rollout, RolloutStatus status, DueGate due, CancellationToken cancellationToken)
    {
        var request = new OutboundRequest(due.Webhook.Url, rollout.Metadata.NamespaceProperty)
        {
            Body = WebhookPayload.For(rollout, status, due),
            Headers = due.Webhook.Headers,
            Timeout = due.Webhook.Timeout,
        };
        var response = await _outbound.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var message = response.IsSuccess ? $"HTTP {response.StatusCode}" : response.Error ?? $"HTTP {response.StatusCode}";
        GateLog.Called(_logger, due.Webhook.Name, due.Webhook.Type, due.Gate.Scope, response.IsSuccess, message);
        return new GateResult(due.Gate.Name, due.Gate.Revision, due.Gate.Scope, response.IsSuccess, response.StatusCode, message, _time.GetUtcNow());
    }
}
