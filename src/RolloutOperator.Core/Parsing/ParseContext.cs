using System.Collections.Frozen;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Everything the parser needs from outside the Rollout: templates by (name, clusterScope), the registered traffic routers,
/// the pod template of spec.workloadRef's Deployment (null when it was not found), and what the admin allows metric
/// providers to use (null: <see cref="ProviderPolicy.Default"/>). The controller fills it from its cache and flags.
/// </summary>
public sealed record ParseContext(
    Func<string, bool, AnalysisTemplateSpec?> ResolveTemplate,
    IReadOnlyDictionary<string, RouterCapabilities> Routers,
    JsonObject? WorkloadTemplate = null,
    ProviderPolicy? Policy = null)
{
    public const string GatewayApiRouter = "gatewayAPI";
    public const string NginxRouter = "nginx";
    public const string IstioRouter = "istio";
    public const string AlbRouter = "alb";

    public ProviderPolicy Providers => Policy ?? ProviderPolicy.Default;

    public static IReadOnlyDictionary<string, RouterCapabilities> BuiltInRouters { get; } =
        new Dictionary<string, RouterCapabilities>(StringComparer.Ordinal)
        {
            [GatewayApiRouter] = new(SupportsHeaderRoutes: true, SupportsMirrorRoutes: true),
            [NginxRouter] = new(SupportsHeaderRoutes: true),
            [IstioRouter] = new(SupportsHeaderRoutes: true, SupportsMirrorRoutes: true),
            [AlbRouter] = new(SupportsHeaderRoutes: false),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A context over a fixed set of templates and the built-in routers, for lint and tests.</summary>
    public static ParseContext Offline(
        IEnumerable<(string Name, bool ClusterScope, AnalysisTemplateSpec Spec)> templates,
        JsonObject? workloadTemplate = null,
        ProviderPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var byKey = templates.ToDictionary(t => (t.Name, t.ClusterScope), t => t.Spec);
        return new ParseContext(
            (name, clusterScope) => byKey.GetValueOrDefault((name, clusterScope)),
            BuiltInRouters,
            workloadTemplate,
            policy);
    }
}
