using System.Text.Json.Nodes;
using k8s.Models;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Templates;

/// <summary>Fills the parser's view of the outside world from the informer caches: templates, routers, workloadRef.</summary>
internal sealed class ParseContextFactory
{
    private readonly RolloutCaches _caches;
    private readonly TrafficRouterRegistry _routers;
    private readonly ProviderPolicy _policy;

    public ParseContextFactory(RolloutCaches caches, TrafficRouterRegistry routers, ProviderPolicy policy)
    {
        _caches = caches;
        _routers = routers;
        _policy = policy;
    }

    public ParseContext Create(Rollout rollout)
    {
        var ns = rollout.Metadata.NamespaceProperty;
        var workload = ReferencedDeployment(rollout);
        return new ParseContext(
            (name, clusterScope) => Resolve(ns, name, clusterScope),
            _routers.Capabilities,
            workload?.Spec?.Template is { } template ? KubeJson.ToObject(template) : null,
            _policy);
    }

    /// <summary>spec.workloadRef's Deployment from the cache, or null.</summary>
    public V1Deployment? ReferencedDeployment(Rollout rollout) =>
        rollout.Spec.WorkloadRef is { Name.Length: > 0 } reference
            ? _caches.WorkloadRefs.Find(rollout.Metadata.NamespaceProperty, reference.Name)
            : null;

    /// <summary>The pod template and selector of the revision the spec describes.</summary>
    public JsonObject? SpecTemplate(Rollout rollout) =>
        rollout.Spec.Template is { } inline
            ? inline
            : ReferencedDeployment(rollout)?.Spec?.Template is { } template ? KubeJson.ToObject(template) : null;

    public JsonObject? SpecSelector(Rollout rollout)
    {
        if (rollout.Spec.Selector is { } selector)
        {
            return JsonNode.Parse(ApiJson.Serialize(selector)) as JsonObject;
        }

        // Without spec.selector a workloadRef Rollout selects by the pod labels of the referenced Deployment.
        var labels = ReferencedDeployment(rollout)?.Spec?.Template?.Metadata?.Labels;
        if (labels is null)
        {
            return null;
        }

        var matchLabels = new JsonObject();
        foreach (var (key, value) in labels.Where(l => l.Key != ApiGroup.RevisionLabel).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            matchLabels[key] = value;
        }

        return new JsonObject { ["matchLabels"] = matchLabels };
    }

    private AnalysisTemplateSpec? Resolve(string ns, string name, bool clusterScope) =>
        clusterScope
            ? _caches.ClusterAnalysisTemplates.Find(string.Empty, name)?.Spec
            : _caches.AnalysisTemplates.Find(ns, name)?.Spec;
}
