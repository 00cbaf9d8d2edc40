using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Watch;

/// <summary>One committed change. Objects are frozen snapshots: never mutate them, clone instead.</summary>
internal sealed record StoredEvent(long ResourceVersion, string Type, string GroupResource, JsonObject Object, JsonObject? Previous);
