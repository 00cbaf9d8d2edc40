using System.Globalization;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Rendering;

/// <summary>One webhook gate or hook of status.gates as `get` shows it: who, what kind, where, and what it last answered.</summary>
internal static class GateText
{
    public static string Line(GateStatus gate)
    {
        var state = gate.Phase == GatePhase.Waiting ? "WAITING" : gate.Phase.ToString();
        var step = gate.StepIndex is { } index ? string.Create(CultureInfo.InvariantCulture, $" step {index + 1}") : "";
        var calls = string.Create(CultureInfo.InvariantCulture, $"{gate.Attempts} call{(gate.Attempts == 1 ? "" : "s")}");
        var failures = gate.Failures > 0 ? string.Create(CultureInfo.InvariantCulture, $", {gate.Failures} failed") : "";
        var answer = gate.Message is { Length: > 0 } message ? $": {message}" : "";
        return $"{gate.Name} ({Type(gate.Type)}{step}) {state} since {gate.Since:yyyy-MM-ddTHH:mm:ssZ}, {calls}{failures}{answer}";
    }

    public static string Type(WebhookType type) => ApiJson.Serialize(type).Trim('"');
}
