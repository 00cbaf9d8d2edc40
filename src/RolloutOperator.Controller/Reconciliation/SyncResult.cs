using RolloutOperator.Model;
using RolloutOperator.Runtime.Controllers;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>A reconcile's result, plus the Rollout as our last write left it (null when nothing was written to it).</summary>
internal sealed record SyncResult(ReconcileResult Result, Rollout? Written);
