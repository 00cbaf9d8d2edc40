using System.Globalization;
using System.Text;

namespace RolloutOperator.EndToEnd.Tests.Tracing;

/// <summary>
/// Decodes an ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1): resource_spans(1) → resource(1) and
/// scope_spans(2) → spans(2). Attribute values are rendered as strings.
/// </summary>
internal static class OtlpTraceDecoder
{
    public static List<OtlpSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        var reader = new ProtoReader(request);
        while (reader.More)
        {
            var (field, wire) = reader.Tag();
            if (field == 1 && wire == 2)
            {
                ResourceSpans(reader.Bytes(), spans);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return spans;
    }

    private static void ResourceSpans(ReadOnlySpan<byte> data, List<OtlpSpan> spans)
    {
        var resource = new Dictionary<string, string>();
        var scopes = new List<byte[]>();
        var reader = new ProtoReader(data);
        while (reader.More)
        {
            var (field, wire) = reader.Tag();
            switch (field, wire)
            {
                case (1, 2):
                    Attributes(reader.Bytes(), attributeField: 1, resource);
                    break;
                case (2, 2):
                    scopes.Add(reader.Bytes().ToArray());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        foreach (var scope in scopes)
        {
            var scopeReader = new ProtoReader(scope);
            while (scopeReader.More)
            {
                var (field, wire) = scopeReader.Tag();
                if (field == 2 && wire == 2)
                {
                    spans.Add(Span(scopeReader.Bytes(), resource));
                }
                else
                {
                    scopeReader.Skip(wire);
                }
            }
        }
    }

    private static OtlpSpan Span(ReadOnlySpan<byte> data, IReadOnlyDictionary<string, string> resource)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        ulong start = 0, end = 0;
        var status = 0;
        var attributes = new Dictionary<string, string>();
        var reader = new ProtoReader(data);
        while (reader.More)
        {
            var (field, wire) = reader.Tag();
            switch (field, wire)
            {
                case (1, 2): traceId = Convert.ToHexStringLower(reader.Bytes()); break;
                case (2, 2): spanId = Convert.ToHexStringLower(reader.Bytes()); break;
                case (4, 2): parent = Convert.ToHexStringLower(reader.Bytes()); break;
                case (5, 2): name = Encoding.UTF8.GetString(reader.Bytes()); break;
                case (7, 1): start = reader.Fixed64(); break;
                case (8, 1): end = reader.Fixed64(); break;
                case (9, 2): Attribute(reader.Bytes(), attributes); break;
                case (15, 2): status = StatusCode(reader.Bytes()); break;
                default: reader.Skip(wire); break;
            }
        }

        return new OtlpSpan(traceId, spanId, parent, name, FromNanos(start), FromNanos(end), status, attributes, resource);
    }

    /// <summary>Reads the repeated KeyValue field <paramref name="attributeField"/> of a message.</summary>
    private static void Attributes(ReadOnlySpan<byte> data, int attributeField, Dictionary<string, string> into)
    {
        var reader = new ProtoReader(data);
        while (reader.More)
        {
            var (field, wire) = reader.Tag();
            if (field == attributeField && wire == 2)
            {
                Attribute(reader.Bytes(), into);
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    /// <summary>KeyValue: key(1), value(2) = AnyValue: string(1), bool(2), int(3), double(4).</summary>
    private static void Attribute(ReadOnlySpan<byte> data, Dictionary<string, string> into)
    {
        var key = "";
        var value = "";
        var reader = new ProtoReader(data);
        while (reader.More)
        {
            var (field, wire) = reader.Tag();
            if (field == 1 && wire == 2)
            {
                key = Encoding.UTF8.GetString(reader.Bytes());
            }
            else if (field == 2 && wire == 2)
            {
                value = AnyValue(reader.Bytes());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        into[key] = value;
    }

    private static string AnyValue(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        while (reader.More)
        {
            var (field, wire) = reader.Tag();
            switch (field, wire)
            {
                case (1, 2): return Encoding.UTF8.GetString(reader.Bytes());
                case (2, 0): return reader.Varint() != 0 ? "true" : "false";
                case (3, 0): return ((long)reader.Varint()).ToString(CultureInfo.InvariantCulture);
                case (4, 1): return BitConverter.UInt64BitsToDouble(reader.Fixed64()).ToString(CultureInfo.InvariantCulture);
                default: reader.Skip(wire); break;
            }
        }

        return "";
    }

    /// <summary>Status: message(2), code(3): 0 unset, 1 ok, 2 error.</summary>
    private static int StatusCode(ReadOnlySpan<byte> data)
    {
        var reader = new ProtoReader(data);
        var code = 0;
        while (reader.More)
        {
            var (field, wire) = reader.Tag();
            if (field == 3 && wire == 0)
            {
                code = (int)reader.Varint();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return code;
    }

    private static DateTimeOffset FromNanos(ulong nanos) => DateTimeOffset.UnixEpoch.AddTicks((long)(nanos / 100));
}
