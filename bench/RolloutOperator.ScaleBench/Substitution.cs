using System.Text.Json.Nodes;

namespace RolloutOperator.ScaleBench;

/// <summary>Replaces the template's identifiers (uid, revision hashes, name) in an object's JSON text, in order.</summary>
internal sealed class Substitution(IReadOnlyList<(string From, string To)> pairs)
{
    public JsonObject Apply(JsonObject source)
    {
        var text = source.ToJsonString();
        foreach (var (from, to) in pairs)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return JsonNode.Parse(text)!.AsObject();
    }
}
