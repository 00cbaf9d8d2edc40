using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// What the dashboard shows, kept current by the operator's own informers (one list, then watches from its
/// resourceVersion, relist on 410). Pages read only this cache, so the API server sees no request per page view.
/// </summary>
internal sealed class ClusterCache
{
    private readonly Informer<Rollout> _rollouts;
    private readonly Informer<V1Deployment> _deployments;
    private readonly Informer<Eventsv1Event> _events;
    private readonly Informer<AnalysisTemplate> _templates;
    private readonly Informer<AnalysisTemplate> _clusterTemplates;

    public ClusterCache(IKubernetes client, string? ns, TimeProvider time)
    {
        var metrics = NoInformerMetrics.Instance;
        var options = new InformerOptions();
        var scope = ns is null ? Array.Empty<string>() : [ns];
        Informer<T> Make<T>(string name, ApiResource resource, IReadOnlyCollection<string> namespaces, string? selector = null)
            where T : class, IKubernetesObject<V1ObjectMeta> =>
            new(name, ListWatchFactory.ForNamespaces<T>(client, resource, namespaces, selector), options, time, metrics, NullLogger.Instance);

        _rollouts = Make<Rollout>("rollouts", new ApiResource(ApiGroup.Name, ApiGroup.Version, "rollouts"), scope);
        _deployments = Make<V1Deployment>("deployments", new ApiResource("apps", "v1", "deployments"), scope, RolloutApi.RolloutLabel);
        _events = Make<Eventsv1Event>("events", new ApiResource("events.k8s.io", "v1", "events"), scope);
        _templates = Make<AnalysisTemplate>("analysistemplates", new ApiResource(ApiGroup.Name, ApiGroup.Version, "analysistemplates"), scope);
        _clusterTemplates = Make<AnalysisTemplate>("clusteranalysistemplates", new ApiResource(ApiGroup.Name, ApiGroup.Version, "clusteranalysistemplates"), []);

        // Events about other kinds are kept only as an empty shell (the informer caches every object it lists).
        _events.AddTransform(e => RolloutEvents.IsAboutRollout(e) ? e : new Eventsv1Event { Metadata = e.Metadata, EventTime = e.EventTime });
        Subscribe(_rollouts);
        Subscribe(_deployments);
        Subscribe(_events, RolloutEvents.IsAboutRollout);
        Subscribe(_templates);
        Subscribe(_clusterTemplates);
        Namespace = ns;
    }

    /// <summary>The namespace shown, or null for all of them.</summary>
    public string? Namespace { get; }

    public ChangeFeed Feed { get; } = new();

    public IObjectCache<Rollout> Rollouts => _rollouts.Cache;

    public IObjectCache<V1Deployment> Deployments => _deployments.Cache;

    public IObjectCache<Eventsv1Event> Events => _events.Cache;

    public IObjectCache<AnalysisTemplate> Templates => _templates.Cache;

    public IObjectCache<AnalysisTemplate> ClusterTemplates => _clusterTemplates.Cache;

    /// <summary>Starts every watch; returns once Rollouts and their Deployments are listed (templates and events may follow).</summary>
    public async Task<Task> StartAsync(CancellationToken cancellationToken)
    {
        var running = Task.WhenAll(
            _rollouts.RunAsync(cancellationToken),
            _deployments.RunAsync(cancellationToken),
            _events.RunAsync(cancellationToken),
            _templates.RunAsync(cancellationToken),
            _clusterTemplates.RunAsync(cancellationToken));
        await _rollouts.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        await _deployments.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        return running;
    }

    public IReadOnlyList<V1Deployment> DeploymentsOf(Rollout rollout)
    {
        var label = RevisionNames.LabelValue(rollout.Metadata.Name);
        return [.. Deployments.List(rollout.Metadata.NamespaceProperty)
            .Where(d => d.Metadata.Labels is { } labels && labels.TryGetValue(RolloutApi.RolloutLabel, out var value) && value == label)
            .OrderBy(d => d.Metadata.Name, StringComparer.Ordinal)];
    }

    private void Subscribe<T>(Informer<T> informer, Func<T, bool>? relevant = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var filter = relevant ?? (_ => true);
        informer.AddHandler(new InformerHandler<T>
        {
            Added = o => Notify(filter(o)),
            Updated = (_, o) => Notify(filter(o)),
            Deleted = o => Notify(filter(o)),
        });
    }

    private void Notify(bool relevant)
    {
        if (relevant)
        {
            Feed.Notify();
        }
    }
}
