using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Watch;

/// <summary>One line of a watch stream: {"type": ..., "object": ...}.</summary>
internal sealed record WatchEvent(string Type, JsonObject Object)
{
    public JsonObject ToJson() => new() { ["type"] = Type, ["object"] = Object };
}
