using System.Text.Json;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Commands;

/// <summary>
/// Parses <c>rollout-operator.io/command</c>: <c>{"action":"promote","revision":"&lt;hash&gt;","id":"&lt;unique&gt;"}</c>.
/// The annotation is written by users and tools with their own field manager, never by the operator; Core records the
/// id it acted on in status.lastCommandId, so the annotation can stay in place without being replayed.
/// </summary>
internal static class CommandAnnotation
{
    public const int MaxIdLength = 128;

    private static readonly Dictionary<string, CommandKind> Actions = new(StringComparer.Ordinal)
    {
        ["promote"] = CommandKind.Promote,
        ["promote-full"] = CommandKind.PromoteFull,
        ["abort"] = CommandKind.Abort,
        ["retry"] = CommandKind.Retry,
        ["pause"] = CommandKind.Pause,
        ["resume"] = CommandKind.Resume,
        ["mark-fix"] = CommandKind.MarkFix,
    };

    public static CommandParseResult Parse(IDictionary<string, string>? annotations)
    {
        if (annotations is null || !annotations.TryGetValue(Model.RolloutApi.CommandAnnotation, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return CommandParseResult.None;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return FromJson(document.RootElement);
        }
        catch (JsonException ex)
        {
            return new CommandParseResult(null, $"not valid JSON: {ex.Message}");
        }
    }

    private static CommandParseResult FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid("must be a JSON object");
        }

        var action = String(root, "action");
        var revision = String(root, "revision");
        var id = String(root, "id");
        if (action is null || !Actions.TryGetValue(action, out var kind))
        {
            return Invalid($"action must be one of {string.Join(", ", Actions.Keys)}");
        }

        if (string.IsNullOrEmpty(revision))
        {
            return Invalid("revision is required (the revision the command is meant for, e.g. status.canaryRevision)");
        }

        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength)
        {
            return Invalid($"id is required and at most {MaxIdLength} characters");
        }

        return new CommandParseResult(new UserCommand(kind, revision, id), null);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static CommandParseResult Invalid(string reason) => new(null, reason);
}
