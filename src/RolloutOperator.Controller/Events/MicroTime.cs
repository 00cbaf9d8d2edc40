using System.Globalization;

namespace RolloutOperator.Controller.Events;

/// <summary>
/// metav1.MicroTime on the wire. Always six fractional digits: the API server rejects a MicroTime without them, and the
/// client's own formatter drops them for whole-second values (common under a fake clock).
/// </summary>
internal static class MicroTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
