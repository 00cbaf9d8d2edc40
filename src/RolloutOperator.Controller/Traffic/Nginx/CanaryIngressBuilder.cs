using k8s;
using k8s.Models;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Traffic.Nginx;

/// <summary>
/// The canary Ingress beside the user's stable one: the same class, hosts and TLS, only the paths that reach the stable
/// Service (now pointing at the canary Service), the canary annotations, and the Rollout as controlling owner.
/// </summary>
internal static class CanaryIngressBuilder
{
    public const string RolloutLabel = ApiGroup.Prefix + "rollout";
    private const int MaxName = 253;
    private const string LegacyClassAnnotation = "kubernetes.io/ingress.class";

    /// <summary>An Ingress name is a DNS subdomain of at most 253 characters; longer combinations are shortened with a hash.</summary>
    public static string Name(TrafficRoutingContext context) =>
        RevisionNames.Bounded($"{context.Routing.Nginx!.StableIngress}-{context.RolloutName}-canary", MaxName);

    public static V1Ingress Build(TrafficRoutingContext context, V1Ingress stable, IDictionary<string, string> annotations)
    {
        var all = new Dictionary<string, string>(annotations, StringComparer.Ordinal);
        if (stable.Metadata.Annotations?.TryGetValue(LegacyClassAnnotation, out var legacyClass) == true)
        {
            all[LegacyClassAnnotation] = legacyClass;
        }

        var owner = KubernetesJson.Deserialize<V1OwnerReference>(KubernetesJson.Serialize(context.Owner));
        owner.Controller = true;
        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = new V1ObjectMeta
            {
                Name = Name(context),
                NamespaceProperty = context.Namespace,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [RolloutLabel] = RevisionNames.LabelValue(context.RolloutName) },
                Annotations = all,
                OwnerReferences = [owner],
            },
            Spec = new V1IngressSpec
            {
                IngressClassName = stable.Spec?.IngressClassName,
                Rules = CanaryRules(context, stable),
                Tls = stable.Spec?.Tls is { Count: > 0 } tls ? Clone(tls) : null,
            },
        };
    }

    private static List<V1IngressRule> CanaryRules(TrafficRoutingContext context, V1Ingress stable)
    {
        var rules = new List<V1IngressRule>();
        foreach (var rule in stable.Spec?.Rules ?? [])
        {
            // A canary Ingress splits every path it lists, so paths to other Services are left out rather than copied.
            var paths = (rule.Http?.Paths ?? []).Where(p => p.Backend?.Service?.Name == context.StableService).Select(Clone).ToList();
            foreach (var path in paths)
            {
                path.Backend.Service.Name = context.CanaryService;
            }

            if (paths.Count > 0)
            {
                rules.Add(new V1IngressRule { Host = rule.Host, Http = new V1HTTPIngressRuleValue { Paths = paths } });
            }
        }

        return rules.Count > 0
            ? rules
            : throw new TrafficRoutingException(
                $"Ingress {context.Namespace}/{stable.Metadata.Name} has no rule path with a backend to Service {context.StableService}");
    }

    private static T Clone<T>(T value) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(value));
}
