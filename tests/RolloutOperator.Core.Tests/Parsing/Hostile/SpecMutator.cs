using System.Text.Json.Nodes;

namespace RolloutOperator.Core.Tests.Parsing.Hostile;

/// <summary>Applies a <see cref="SpecMutation"/> to a JSON document in place.</summary>
public static class SpecMutator
{
    /// <summary>Fields where a hostile value found defects before; targeted mutations aim at these.</summary>
    private static readonly HashSet<string> Interesting = new(StringComparer.Ordinal)
    {
        "duration", "interval", "initialDelay", "timeout", "window", "step", "setWeight", "weight", "replicas", "maxSurge",
        "maxUnavailable", "regex", "exact", "prefix", "query", "headerName", "successCondition", "failureCondition",
        "value", "name", "startingStep", "count", "previewReplicaCount", "key", "values", "min", "max", "matchLabels",
        "progressDeadlineSeconds", "scaleDownDelaySeconds", "abortScaleDownDelaySeconds", "autoPromotionSeconds",
        "failureLimit", "consecutiveErrorLimit", "inconclusiveLimit", "address", "templateName",
    };

    public static void Apply(JsonObject root, SpecMutation mutation)
    {
        var slots = Slots(root);
        if (mutation.Kind is MutationKind.TargetedText or MutationKind.TargetedNumber)
        {
            var targeted = slots.Where(s => s.Key is { } key && Interesting.Contains(key)).ToList();
            slots = targeted.Count > 0 ? targeted : slots;
        }

        if (slots.Count == 0)
        {
            return;
        }

        var slot = slots[mutation.Target % slots.Count];
        switch (mutation.Kind)
        {
            case MutationKind.HostileText or MutationKind.TargetedText:
                Replace(slot, JsonValue.Create(mutation.Text));
                break;
            case MutationKind.HostileNumber or MutationKind.TargetedNumber:
                Replace(slot, JsonValue.Create(mutation.Number));
                break;
            case MutationKind.Delete:
                Delete(slot);
                break;
            case MutationKind.Duplicate:
                Duplicate(slot, mutation.Depth);
                break;
            case MutationKind.TrailingNewline:
                Replace(slot, JsonValue.Create((slot.Node is JsonValue v ? v.ToString() : "30s") + "\n"));
                break;
            case MutationKind.Null:
                Replace(slot, null);
                break;
            default:
                Replace(slot, Nested(mutation.Depth));
                break;
        }
    }

    /// <summary>An object nested <paramref name="depth"/> levels deep, built without recursion.</summary>
    public static JsonObject Nested(int depth)
    {
        var node = new JsonObject { ["leaf"] = "x" };
        for (var i = 1; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }

    private static List<Slot> Slots(JsonObject root)
    {
        var slots = new List<Slot>();
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj)
                    {
                        slots.Add(new Slot(obj, key, -1, child));
                        PushContainer(pending, child);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        slots.Add(new Slot(array, null, i, array[i]));
                        PushContainer(pending, array[i]);
                    }

                    break;
            }
        }

        return slots;
    }

    private static void PushContainer(Stack<JsonNode> pending, JsonNode? node)
    {
        if (node is JsonObject or JsonArray)
        {
            pending.Push(node);
        }
    }

    private static void Replace(Slot slot, JsonNode? value)
    {
        if (slot.Parent is JsonObject obj)
        {
            obj[slot.Key!] = value;
        }
        else
        {
            ((JsonArray)slot.Parent)[slot.Index] = value;
        }
    }

    private static void Delete(Slot slot)
    {
        if (slot.Parent is JsonObject obj)
        {
            obj.Remove(slot.Key!);
        }
        else
        {
            ((JsonArray)slot.Parent).RemoveAt(slot.Index);
        }
    }

    // Duplicates an array element (a repeated step, argument or metric) a few times; elsewhere duplicates into a list.
    private static void Duplicate(Slot slot, int times)
    {
        if (slot.Parent is JsonArray array)
        {
            for (var i = 0; i < 1 + (times % 5); i++)
            {
                array.Insert(slot.Index, slot.Node?.DeepClone());
            }
        }
        else
        {
            Replace(slot, new JsonArray(slot.Node?.DeepClone(), slot.Node?.DeepClone()));
        }
    }

    private sealed record Slot(JsonNode Parent, string? Key, int Index, JsonNode? Node);
}
