using System.Globalization;

namespace RolloutOperator.ApiEmulator.Json;

/// <summary>Kubernetes wire formats for metav1.Time (whole seconds) and metav1.MicroTime.</summary>
internal static class K8sTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string FormatMicro(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The real server parses MicroTime with a fixed ".000000" layout, so a value without
    /// fractional seconds is rejected; clients that write whole seconds must be caught here too.
    /// </summary>
    public static bool IsValidMicroTime(string value) =>
        value.Length > 20 && value[19] == '.' &&
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
}
