using RolloutOperator.Controller.Services;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Composition;

/// <summary>
/// Which Rollouts name which objects (Services, templates, the workloadRef Deployment), so that a change to one of those
/// wakes exactly the Rollouts that depend on it. Kept current by the Rollout informer.
/// </summary>
internal sealed class ReferenceIndex
{
    public const string Service = "Service";
    public const string Deployment = "Deployment";
    public const string Template = "AnalysisTemplate";
    public const string ClusterTemplate = "ClusterAnalysisTemplate";

    private readonly Lock _lock = new();
    private readonly Dictionary<ObjectKey, HashSet<Reference>> _byRollout = [];
    private readonly Dictionary<Reference, HashSet<ObjectKey>> _byTarget = [];

    public void Set(Rollout rollout)
    {
        var key = ObjectKey.Of(rollout);
        var references = ReferencesOf(rollout).ToHashSet();
        lock (_lock)
        {
            RemoveLocked(key);
            _byRollout[key] = references;
            foreach (var reference in references)
            {
                if (!_byTarget.TryGetValue(reference, out var rollouts))
                {
                    rollouts = [];
                    _byTarget[reference] = rollouts;
                }

                rollouts.Add(key);
            }
        }
    }

    public void Remove(Rollout rollout)
    {
        lock (_lock)
        {
            RemoveLocked(ObjectKey.Of(rollout));
        }
    }

    public IReadOnlyList<ObjectKey> RolloutsReferencing(string kind, string ns, string name)
    {
        lock (_lock)
        {
            return _byTarget.TryGetValue(new Reference(kind, ns, name), out var rollouts) ? [.. rollouts] : [];
        }
    }

    private void RemoveLocked(ObjectKey key)
    {
        if (!_byRollout.Remove(key, out var previous))
        {
            return;
        }

        foreach (var reference in previous)
        {
            if (_byTarget.TryGetValue(reference, out var rollouts) && rollouts.Remove(key) && rollouts.Count == 0)
            {
                _byTarget.Remove(reference);
            }
        }
    }

    private static IEnumerable<Reference> ReferencesOf(Rollout rollout)
    {
        var ns = rollout.Metadata.NamespaceProperty ?? string.Empty;
        var spec = rollout.Spec;
        foreach (var service in ServiceRoles.Names(spec))
        {
            yield return new Reference(Service, ns, service);
        }

        if (spec.WorkloadRef is { Name.Length: > 0 } workload)
        {
            yield return new Reference(Deployment, ns, workload.Name);
        }

        foreach (var template in Analyses(spec).SelectMany(a => a?.Templates ?? []))
        {
            yield return template.ClusterScope == true
                ? new Reference(ClusterTemplate, string.Empty, template.TemplateName)
                : new Reference(Template, ns, template.TemplateName);
        }
    }

    private static IEnumerable<RolloutAnalysis?> Analyses(RolloutSpec spec)
    {
        var canary = spec.Strategy?.Canary;
        var blueGreen = spec.Strategy?.BlueGreen;
        return [canary?.Analysis, .. (canary?.Steps ?? []).Select(s => s?.Analysis), blueGreen?.PrePromotionAnalysis, blueGreen?.PostPromotionAnalysis];
    }

    private readonly record struct Reference(string Kind, string Namespace, string Name);
}
