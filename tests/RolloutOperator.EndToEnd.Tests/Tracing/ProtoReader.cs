using System.Buffers.Binary;

namespace RolloutOperator.EndToEnd.Tests.Tracing;

/// <summary>
/// The protobuf wire format, just enough to read an OTLP export request: the exporter's generated types are internal,
/// and an independent reader checks what actually goes over the wire.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public bool More => _position < _data.Length;

    /// <summary>The next field's number and wire type.</summary>
    public (int Field, int WireType) Tag()
    {
        var tag = Varint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _data[_position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }

    public ReadOnlySpan<byte> Bytes()
    {
        var length = (int)Varint();
        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public ulong Fixed64()
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                Varint();
                break;
            case 1:
                _position += 8;
                break;
            case 2:
                Bytes();
                break;
            case 5:
                _position += 4;
                break;
            default:
                throw new InvalidDataException($"unsupported wire type {wireType}");
        }
    }
}
