using System.Globalization;
using System.Text.Json;

namespace RolloutOperator.Core.Api;

/// <summary>
/// RFC 3339 in UTC that keeps sub-second digits (up to 100 ns, so a value read back compares equal to the one written);
/// a whole-second value is written without them, as <see cref="KubeTimeConverter"/> writes it. For times a duration is
/// measured from, where truncating would shorten the duration.
/// </summary>
public sealed class PreciseTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("expected a timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var utc = value.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
        writer.WriteStringValue(utc.ToString(format, CultureInfo.InvariantCulture));
    }
}
