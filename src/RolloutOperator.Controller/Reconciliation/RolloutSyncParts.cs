using RolloutOperator.Controller.Commands;
using RolloutOperator.Controller.Events;
using RolloutOperator.Controller.Jobs;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Templates;
using RolloutOperator.Controller.Tracing;
using RolloutOperator.Controller.Workloads;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>The collaborators of one reconcile pass, each with one job.</summary>
internal sealed record RolloutSyncParts(
    ParseContextFactory Templates,
    RolloutObserver Observer,
    ActionExecutor Executor,
    WorkloadRefScaler WorkloadRef,
    TrafficFinalizer Finalizer,
    StatusWriter Status,
    EventRecorder Events,
    RolloutMetrics Metrics,
    InvalidCommandMemo InvalidCommands,
    TimeProvider Time,
    AnalysisJobJanitor Jobs,
    RolloutTracer Tracer,
    RolloutNotifier? Notifier = null);
