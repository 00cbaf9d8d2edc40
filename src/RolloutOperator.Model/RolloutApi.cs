using RolloutOperator.Core.Api;

namespace RolloutOperator.Model;

/// <summary>The names our kinds use on the API server: labels, annotations and the finalizer, shared by the operator and the plugin.</summary>
public static class RolloutApi
{
    public const string Finalizer = ApiGroup.Prefix + "traffic-reset";
    public const string RolloutLabel = ApiGroup.Prefix + "rollout";
    public const string CommandAnnotation = ApiGroup.Prefix + "command";

    /// <summary>The routes the traffic finalizer must reset.</summary>
    public const string ManagedRoutesAnnotation = ApiGroup.Prefix + "managed-routes";
    public const string ReportingController = ApiGroup.Prefix + "controller";

    /// <summary>The label selector of a Rollout's revision Deployments (the name is shortened to a valid label value for long names).</summary>
    public static string RolloutSelector(string rollout) => $"{RolloutLabel}={RevisionNames.LabelValue(rollout)}";
}
