using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Selectors;

namespace RolloutOperator.ApiEmulator.Watch;

/// <summary>What a list or watch selects: resource, optional namespace, label and field selectors.</summary>
internal sealed record WatchFilter(string GroupResource, string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    public bool Matches(JsonObject? obj) =>
        obj is not null &&
        (Namespace is null || JsonTree.Namespace(obj) == Namespace) &&
        Labels.Matches(obj) &&
        Fields.Matches(obj);
}
