using System.Globalization;
using System.Text.Json.Nodes;

namespace RolloutOperator.TrafficSimulator;

/// <summary>How a revision's simulated requests behave, from env vars on the first container of its pod template.</summary>
public sealed record RevisionBehaviour(double ErrorRate, TimeSpan ExtraLatency)
{
    public const string ErrorRateVariable = "SIM_ERROR_RATE";
    public const string LatencyVariable = "SIM_LATENCY_MS";

    public static RevisionBehaviour Healthy { get; } = new(0, TimeSpan.Zero);

    /// <summary>Reads the env list of <c>spec.containers[0]</c> of a pod template (JSON as the API serves it).</summary>
    public static RevisionBehaviour FromPodTemplate(JsonNode? podTemplate)
    {
        var env = podTemplate?["spec"]?["containers"]?[0]?["env"] as JsonArray;
        var values = (env ?? []).OfType<JsonObject>()
            .Select(e => (Name: (string?)e["name"], Value: e["value"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)e["value"] : null))
            .Where(e => e.Name is not null && e.Value is not null)
            .GroupBy(e => e.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value!, StringComparer.Ordinal);
        return FromEnvironment(values);
    }

    public static RevisionBehaviour FromEnvironment(IReadOnlyDictionary<string, string> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var errorRate = Number(env, ErrorRateVariable);
        var latency = Number(env, LatencyVariable);
        return new RevisionBehaviour(Math.Clamp(errorRate, 0, 1), TimeSpan.FromMilliseconds(Math.Max(0, latency)));
    }

    private static double Number(IReadOnlyDictionary<string, string> env, string name) =>
        env.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : 0;
}
