using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RolloutOperator.Controller.Notifications;

/// <summary>
/// Stable notification ids. Derived from what the decision was made on (the Rollout's uid, the revision, the reason, the
/// step and the Rollout's notification sequence from status), never from a clock: a decision repeated after a conflict or
/// an operator restart yields the same id, which is how a receiver and the outbox recognise a repeat.
/// </summary>
internal static class NotificationIds
{
    public static string For(string uid, string? revision, string reason, int? step, long sequence) =>
        Hash(string.Join('\n', uid, revision ?? "", reason, step?.ToString(CultureInfo.InvariantCulture) ?? "", sequence.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Event webhooks: the same Event (same reason and message about the same revision) has the same id.</summary>
    public static string ForEvent(string uid, string? revision, string reason, string message) =>
        Hash(string.Join('\n', "event", uid, revision ?? "", reason, message));

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
