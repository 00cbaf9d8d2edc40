using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>A webhook the controller must call now, with the gate state it is called for (revision, scope, step).</summary>
public sealed record DueGate(WebhookPlan Webhook, GateStatus Gate);
