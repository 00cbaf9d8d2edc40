using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// The revision of a pod template: SHA-256 of its canonical JSON (object keys sorted ordinally at every depth, no
/// whitespace), first 10 lowercase hex digits. Key order never changes the hash, so a template read back from the API
/// server names the same revision as the one the user wrote; hex keeps it a valid DNS label and label value.
/// </summary>
public static class RevisionHash
{
    public const int Length = 10;

    public static string Compute(JsonObject template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var hash = SHA256.HashData(Canonical(template));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    internal static ReadOnlySpan<byte> Canonical(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return buffer.WrittenSpan;
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                WriteObject(writer, obj);
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonObject obj)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            Write(writer, value);
        }

        writer.WriteEndObject();
    }
}
