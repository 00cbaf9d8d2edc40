using System.Text.Json.Nodes;

namespace RolloutOperator.CrdGen.Tests.Fixtures;

internal sealed class UnmarkedJsonObject
{
    public JsonObject? Config { get; set; }
}
