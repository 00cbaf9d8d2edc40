using System.Text.Json;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Configuration;

/// <summary>
/// Reads the operator-wide default notification sinks (--notification-defaults, a JSON file in the shape of a Rollout's
/// spec.notifications). The same rules as a Rollout's sinks apply, addresses on --outbound-allowed-hosts included; header
/// values are literal only (the chart stores the file in a Secret). Any problem stops the operator at startup.
/// </summary>
internal static class NotificationDefaultsLoader
{
    public static NotificationOptions Load(string? path, HostAllowList allowedHosts)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return new NotificationOptions();
        }

        RolloutNotifications? spec;
        try
        {
            spec = JsonSerializer.Deserialize<RolloutNotifications>(File.ReadAllText(path), ApiJson.Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new OperatorConfigurationException($"--notification-defaults: cannot read {path}: {e.Message}");
        }

        var plan = NotificationParser.Parse(spec, "notificationDefaults", allowedHosts, allowSecretHeaders: false, out var errors);
        if (plan is null)
        {
            throw new OperatorConfigurationException($"--notification-defaults: {string.Join("; ", errors)}");
        }

        return new NotificationOptions { Defaults = plan.Sinks };
    }
}
