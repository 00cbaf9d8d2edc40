using System.Text.RegularExpressions;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Validates spec.webhooks: at most 16, unique DNS-label names, a known type that fits the strategy, an allowed URL,
/// bounded timeout, interval, failure limit, headers and metadata. Every problem is reported at its field.
/// </summary>
internal static partial class WebhookParser
{
    public const int MaxWebhooks = 16;
    public const int MaxMetadataEntries = 16;
    public const int MaxMetadataKeyLength = 63;
    public const int MaxMetadataValueLength = 256;

    /// <summary>Shortest interval: bounds the call rate one Rollout can cause.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>Longest single call; the operator caps it further below its reconcile timeout.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(1);

    public static IReadOnlyList<WebhookPlan> Parse(IReadOnlyList<Webhook>? webhooks, bool canary, HostAllowList allowed, SpecErrors errors)
    {
        const string at = "spec.webhooks";
        if (webhooks is null)
        {
            return [];
        }

        if (webhooks.Count > MaxWebhooks)
        {
            errors.Add(at, $"at most {MaxWebhooks} webhooks, got {webhooks.Count}");
            return [];
        }

        var plans = new List<WebhookPlan>(webhooks.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < webhooks.Count; i++)
        {
            if (ParseOne(webhooks[i], $"{at}[{i}]", canary, allowed, names, errors) is { } plan)
            {
                plans.Add(plan);
            }
        }

        return plans;
    }

    private static WebhookPlan? ParseOne(Webhook? webhook, string at, bool canary, HostAllowList allowed, HashSet<string> names, SpecErrors errors)
    {
        if (webhook is null)
        {
            errors.Add(at, "must be an object");
            return null;
        }

        var before = errors.Count;
        CheckName(webhook.Name, $"{at}.name", names, errors);
        var type = CheckType(webhook.Type, canary, $"{at}.type", errors);
        var url = OutboundAddress.Check(webhook.Url, $"{at}.url", allowed, errors);
        var timeout = Fields.Duration(webhook.Timeout, SpecDefaults.WebhookTimeout, $"{at}.timeout", errors, positive: true);
        if (timeout > MaxTimeout)
        {
            errors.Add($"{at}.timeout", $"must be at most {Durations.Format(MaxTimeout)}");
        }

        var interval = Fields.Duration(webhook.Interval, SpecDefaults.WebhookInterval, $"{at}.interval", errors);
        if (interval < MinInterval)
        {
            errors.Add($"{at}.interval", $"must be at least {Durations.Format(MinInterval)}");
        }

        var failureLimit = Fields.Within(webhook.FailureLimit, SpecDefaults.WebhookFailureLimit, 0, 100, $"{at}.failureLimit", errors);
        OutboundHeaders.Check(webhook.Headers, $"{at}.headers", errors);
        var metadata = CheckMetadata(webhook.Metadata, $"{at}.metadata", errors);
        return errors.Count > before || url is null || type is null
            ? null
            : new WebhookPlan(webhook.Name, type.Value, url, timeout, interval, failureLimit, webhook.Headers ?? [], metadata);
    }

    private static void CheckName(string? name, string path, HashSet<string> names, SpecErrors errors)
    {
        if (name is null || name.Length is 0 or > 63 || !DnsLabel().IsMatch(name))
        {
            errors.Add(path, $"\"{Fields.Shown(name ?? "")}\" must be a DNS label (lowercase letters, digits and '-', at most 63 characters)");
        }
        else if (!names.Add(name))
        {
            errors.Add(path, $"duplicate webhook name {name}");
        }
    }

    private static WebhookType? CheckType(WebhookType? type, bool canary, string path, SpecErrors errors)
    {
        if (type is not { } value || !Enum.IsDefined(value))
        {
            errors.Add(path, "type is required: confirm-rollout, pre-rollout, rollout, confirm-traffic-increase, confirm-promotion, post-rollout, rollback or event");
            return null;
        }

        if (value == WebhookType.ConfirmTrafficIncrease && !canary)
        {
            errors.Add(path, "confirm-traffic-increase guards canary weight increases; a blueGreen Rollout has none (use confirm-promotion)");
            return null;
        }

        return value;
    }

    private static Dictionary<string, string> CheckMetadata(Dictionary<string, string>? metadata, string path, SpecErrors errors)
    {
        if (metadata is null)
        {
            return [];
        }

        if (metadata.Count > MaxMetadataEntries)
        {
            errors.Add(path, $"at most {MaxMetadataEntries} entries, got {metadata.Count}");
            return [];
        }

        foreach (var (key, value) in metadata)
        {
            if (key.Length is 0 or > MaxMetadataKeyLength)
            {
                errors.Add(path, $"key \"{Fields.Shown(key)}\" must be 1 to {MaxMetadataKeyLength} characters");
            }
            else if ((value ?? "").Length > MaxMetadataValueLength)
            {
                errors.Add($"{path}.{key}", $"must be at most {MaxMetadataValueLength} characters");
            }
        }

        return metadata.ToDictionary(e => e.Key, e => e.Value ?? "", StringComparer.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
