using RolloutOperator.Core.Api;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Caching;

/// <summary>Where our kinds and the kinds the operator writes live on the API server (their names: <see cref="Model.RolloutApi"/>).</summary>
internal static class ApiResources
{
    public static ApiResource Rollouts { get; } = new(ApiGroup.Name, ApiGroup.Version, CustomResources.Rollout.Plural);

    public static ApiResource AnalysisTemplates { get; } = new(ApiGroup.Name, ApiGroup.Version, CustomResources.AnalysisTemplate.Plural);

    public static ApiResource ClusterAnalysisTemplates { get; } = new(ApiGroup.Name, ApiGroup.Version, CustomResources.ClusterAnalysisTemplate.Plural);

    public static ApiResource Deployments { get; } = new("apps", "v1", "deployments");

    public static ApiResource Jobs { get; } = new("batch", "v1", "jobs");

    public static ApiResource Services { get; } = new(string.Empty, "v1", "services");
}
