using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Validates <c>spec.notifications</c> (and the operator-wide defaults, which have the same shape): unique DNS-label
/// names, known triggers, exactly one sink kind, addresses under the outbound rules, a body template with known
/// placeholders only.
/// </summary>
public static class NotificationParser
{
    public const int MaxSinks = 8;

    public static NotificationPlan Parse(RolloutNotifications? spec, string path, HostAllowList allowedHosts, bool allowSecretHeaders = true) =>
        Parse(spec, path, allowedHosts, allowSecretHeaders, out var errors) is { } plan && errors.Count == 0 ? plan : NotificationPlan.None;

    /// <summary>The plan, or null when <paramref name="errors"/> holds what is wrong (each at its field path).</summary>
    public static NotificationPlan? Parse(RolloutNotifications? spec, string path, HostAllowList allowedHosts, bool allowSecretHeaders, out IReadOnlyList<SpecError> errors)
    {
        var collected = new SpecErrors();
        var plan = Parse(spec, path, allowedHosts, allowSecretHeaders, collected);
        errors = collected.All;
        return collected.Count == 0 ? plan : null;
    }

    internal static NotificationPlan Parse(RolloutNotifications? spec, string path, HostAllowList allowedHosts, bool allowSecretHeaders, SpecErrors errors)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        if (spec is null)
        {
            return NotificationPlan.None;
        }

        var sinks = spec.Sinks ?? [];
        if (sinks.Count > MaxSinks)
        {
            errors.Add($"{path}.sinks", $"at most {MaxSinks} sinks, got {sinks.Count}");
            return NotificationPlan.None;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var plans = new List<NotificationSinkPlan>();
        for (var i = 0; i < sinks.Count; i++)
        {
            var at = $"{path}.sinks[{i}]";
            if (Sink(sinks[i], at, allowedHosts, allowSecretHeaders, errors) is { } sink)
            {
                if (names.Add(sink.Name))
                {
                    plans.Add(sink);
                }
                else
                {
                    errors.Add($"{at}.name", $"duplicate sink name {sink.Name}");
                }
            }
        }

        return new NotificationPlan(spec.InheritDefaults ?? SpecDefaults.NotificationInheritDefaults, plans);
    }

    private static NotificationSinkPlan? Sink(NotificationSink? sink, string at, HostAllowList allowedHosts, bool allowSecretHeaders, SpecErrors errors)
    {
        if (sink is null)
        {
            errors.Add(at, "must be an object");
            return null;
        }

        var before = errors.Count;
        var name = sink.Name ?? "";
        if (!IsDnsLabel(name))
        {
            errors.Add($"{at}.name", $"\"{Fields.Shown(name)}\" must be a DNS label (lowercase letters, digits and '-', at most 63)");
        }

        var triggers = Triggers(sink.Triggers, $"{at}.triggers", errors);
        var kinds = (sink.Webhook is null ? 0 : 1) + (sink.Slack is null ? 0 : 1) + (sink.CloudEvents is null ? 0 : 1);
        if (kinds != 1)
        {
            errors.Add(at, "set exactly one of webhook, slack and cloudEvents");
            return null;
        }

        var plan = Kind(sink, name, triggers, at, allowedHosts, errors);
        if (plan is not null && !allowSecretHeaders && plan.Headers.Any(h => h.SecretKeyRef is not null))
        {
            errors.Add(at, "operator-wide default sinks take literal header values only (the defaults file is itself a Secret)");
        }

        return errors.Count == before ? plan : null;
    }

    private static NotificationSinkPlan? Kind(NotificationSink sink, string name, IReadOnlySet<string> triggers, string at, HostAllowList allowedHosts, SpecErrors errors)
    {
        if (sink.Webhook is { } webhook)
        {
            var address = Address(webhook.Url, webhook.Headers, $"{at}.webhook", allowedHosts, errors);
            var contentType = Fields.IsBlank(webhook.ContentType) ? BodyTemplate.JsonContentType : webhook.ContentType!.Trim();
            var body = webhook.Body is null ? null : BodyTemplateParser.Parse(webhook.Body, $"{at}.webhook.body", errors);
            ContentType(contentType, $"{at}.webhook.contentType", errors);
            return address is null ? null : new NotificationSinkPlan(name, NotificationSinkKind.Webhook, triggers, address)
            {
                Headers = webhook.Headers ?? [],
                Body = body,
                ContentType = contentType,
            };
        }

        if (sink.Slack is { } slack)
        {
            var address = Address(slack.Url, slack.Headers, $"{at}.slack", allowedHosts, errors);
            return address is null ? null : new NotificationSinkPlan(name, NotificationSinkKind.Slack, triggers, address) { Headers = slack.Headers ?? [] };
        }

        var events = sink.CloudEvents!;
        var target = Address(events.Url, events.Headers, $"{at}.cloudEvents", allowedHosts, errors);
        return target is null ? null : new NotificationSinkPlan(name, NotificationSinkKind.CloudEvents, triggers, target)
        {
            Headers = events.Headers ?? [],
            Mode = events.Mode ?? SpecDefaults.NotificationCloudEventsMode,
        };
    }

    private static Uri? Address(string? url, List<OutboundHeader>? headers, string at, HostAllowList allowedHosts, SpecErrors errors)
    {
        OutboundHeaders.Check(headers, $"{at}.headers", errors);
        return OutboundAddress.Check(url, $"{at}.url", allowedHosts, errors);
    }

    private static HashSet<string> Triggers(List<string>? triggers, string path, SpecErrors errors)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (triggers is null || triggers.Count == 0)
        {
            errors.Add(path, $"name at least one trigger: {string.Join(", ", NotificationTriggers.All)}");
            return set;
        }

        for (var i = 0; i < triggers.Count; i++)
        {
            if (!NotificationTriggers.All.Contains(triggers[i] ?? "", StringComparer.Ordinal))
            {
                errors.Add($"{path}[{i}]", $"unknown trigger \"{Fields.Shown(triggers[i] ?? "")}\"; known: {string.Join(", ", NotificationTriggers.All)}");
            }
            else
            {
                set.Add(triggers[i]);
            }
        }

        return set;
    }

    private static void ContentType(string contentType, string path, SpecErrors errors)
    {
        if (contentType.Length > 128 || contentType.Any(c => char.IsControl(c)) || !contentType.Contains('/', StringComparison.Ordinal))
        {
            errors.Add(path, $"\"{Fields.Shown(contentType)}\" is not a media type such as application/json");
        }
    }

    private static bool IsDnsLabel(string name) =>
        name.Length is > 0 and <= 63
            && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && name[0] != '-' && name[^1] != '-';
}
