using RolloutOperator.Core.Api;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>Where our kinds and the traffic kinds live on the API server.</summary>
internal static class RolloutApi
{
    public const string Finalizer = ApiGroup.Prefix + "traffic-reset";
    public const string RolloutLabel = ApiGroup.Prefix + "rollout";
    public const string CommandAnnotation = ApiGroup.Prefix + "command";

    /// <summary>The routes the traffic finalizer must reset (see <see cref="ManagedRoutes"/>).</summary>
    public const string ManagedRoutesAnnotation = ApiGroup.Prefix + "managed-routes";
    public const string ReportingController = ApiGroup.Prefix + "controller";

    public static ApiResource Rollouts { get; } = new(ApiGroup.Name, ApiGroup.Version, CustomResources.Rollout.Plural);

    public static ApiResource AnalysisTemplates { get; } = new(ApiGroup.Name, ApiGroup.Version, CustomResources.AnalysisTemplate.Plural);

    public static ApiResource ClusterAnalysisTemplates { get; } = new(ApiGroup.Name, ApiGroup.Version, CustomResources.ClusterAnalysisTemplate.Plural);

    public static ApiResource Deployments { get; } = new("apps", "v1", "deployments");

    public static ApiResource Jobs { get; } = new("batch", "v1", "jobs");

    public static ApiResource Services { get; } = new(string.Empty, "v1", "services");
}
