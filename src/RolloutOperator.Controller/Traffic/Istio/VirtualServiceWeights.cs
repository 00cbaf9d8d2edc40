using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>Istio's weight rule: a lone destination without a weight takes all traffic; otherwise an unset weight is 0.</summary>
internal static class VirtualServiceWeights
{
    public static int? Written(JsonNode? destination) =>
        destination?["weight"] is JsonValue v && v.TryGetValue<int>(out var weight) ? weight : null;

    public static int Of(JsonNode? destination, bool lone) => Written(destination) ?? (lone ? 100 : 0);
}
