using RolloutOperator.Model;

namespace RolloutOperator.Controller.Notifications;

/// <summary>Who a notification is about; everything a payload needs from the Rollout object itself.</summary>
internal sealed record RolloutIdentity(string Namespace, string Name, string Uid)
{
    public static RolloutIdentity Of(Rollout rollout) =>
        new(rollout.Metadata.NamespaceProperty, rollout.Metadata.Name, rollout.Metadata.Uid ?? "");
}
