using k8s;
using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Analysis.Background;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Commands;
using RolloutOperator.Controller.Events;
using RolloutOperator.Controller.Gates;
using RolloutOperator.Controller.Jobs;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Services;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Templates;
using RolloutOperator.Controller.Tracing;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Workloads;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.Composition;

/// <summary>Wires one <see cref="RolloutReconciler"/> from its collaborators; used by the runtime and by tests.</summary>
internal static class RolloutReconcilerFactory
{
    public static RolloutReconciler Create(
        IKubernetes client,
        RolloutCaches caches,
        TrafficRouterRegistry routers,
        IMeasurementService measurements,
        RolloutMetrics metrics,
        EventRecorderOptions eventOptions,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        ProviderPolicy? providerPolicy = null,
        IOutboundHttp? outbound = null,
        NotificationDispatcher? notifications = null,
        RolloutTracer? tracer = null,
        BackgroundMeasurements? background = null)
    {
        // Without one from the host (tests), a client with the default rules and Secrets read through this client.
        outbound ??= new OutboundHttpClient(new OutboundOptions(), new KubernetesSecretReader(client), time);
        var webhooks = new WebhookCaller(outbound, time, loggerFactory.CreateLogger<WebhookCaller>());

        // Without a runner from the runtime (tests driving a reconciler by hand) every measurement is waited for.
        background ??= new BackgroundMeasurements(measurements, MeasurementRunnerOptions.Inline, time, _ => { }, loggerFactory.CreateLogger<BackgroundMeasurements>());
        var templates = new ParseContextFactory(caches, routers, providerPolicy ?? ProviderPolicy.Default);
        var traffic = new TrafficGateway(routers);
        var revisions = new RevisionWriter(client);
        var patches = new RolloutPatches(client);
        var parts = new RolloutSyncParts(
            templates,
            new RolloutObserver(caches, traffic, measurements, time, webhooks, new AnalysisJobs(client, caches.Jobs, time), background),
            new ActionExecutor(caches, templates, revisions, new ServiceSelectorWriter(client), traffic),
            new WorkloadRefScaler(templates, revisions),
            new TrafficFinalizer(patches, traffic),
            new StatusWriter(client),
            new EventRecorder(client, eventOptions, time, loggerFactory.CreateLogger<EventRecorder>()),
            metrics,
            new InvalidCommandMemo(),
            time,
            new AnalysisJobJanitor(client, caches.Jobs, time),
            tracer ?? RolloutTracer.Disabled,
            notifications is null ? null : new RolloutNotifier(notifications, time));
        var sync = new RolloutSync(parts, loggerFactory.CreateLogger<RolloutSync>());
        return new RolloutReconciler(caches, sync, patches, parts, loggerFactory.CreateLogger<RolloutReconciler>());
    }
}
