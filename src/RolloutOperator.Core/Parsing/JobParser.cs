using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Validates a job metric's JobSpec and bounds it, so a Job can never hold a rollout forever: activeDeadlineSeconds and
/// backoffLimit get defaults and maxima. Pod security is left to the namespace (the Job runs with the namespace's
/// permissions and the template's service account, never the operator's); only the fields the operator manages are refused.
/// </summary>
internal static class JobParser
{
    public const long DefaultActiveDeadlineSeconds = 600;
    public const long MaxActiveDeadlineSeconds = 3600;
    public const int DefaultBackoffLimit = 0;
    public const int MaxBackoffLimit = 10;

    /// <summary>Bytes of the serialized JobSpec; the whole Rollout must fit in etcd's object limit with room to spare.</summary>
    public const int MaxSpecBytes = 32 * 1024;

    private static readonly string[] Managed = ["selector", "manualSelector", "suspend", "ttlSecondsAfterFinished"];

    public static JobMetricPlan? Parse(JobMetric job, string path, SpecErrors errors)
    {
        var at = $"{path}.spec";
        if (job.Spec is not { } spec)
        {
            errors.Add(at, "spec (a batch/v1 JobSpec) is required");
            return null;
        }

        if (JsonDepth.Exceeds(spec, JsonDepth.MaxTemplateDepth) || JsonSerializer.SerializeToUtf8Bytes(spec).Length > MaxSpecBytes)
        {
            errors.Add(at, $"must be at most {MaxSpecBytes / 1024} KiB and {JsonDepth.MaxTemplateDepth} levels deep");
            return null;
        }

        var before = errors.Count;
        foreach (var field in Managed.Where(spec.ContainsKey))
        {
            errors.Add($"{at}.{field}", "must be unset: the operator manages it (it labels, watches and deletes the Job itself)");
        }

        var deadline = Bounded(spec["activeDeadlineSeconds"], DefaultActiveDeadlineSeconds, 1, MaxActiveDeadlineSeconds, $"{at}.activeDeadlineSeconds", errors);
        var backoff = Bounded(spec["backoffLimit"], DefaultBackoffLimit, 0, MaxBackoffLimit, $"{at}.backoffLimit", errors);
        var restart = CheckTemplate(spec["template"], $"{at}.template", errors);
        if (errors.Count > before)
        {
            return null;
        }

        var bounded = spec.DeepClone().AsObject();
        bounded["activeDeadlineSeconds"] = deadline;
        bounded["backoffLimit"] = (int)backoff;
        bounded["template"]!["spec"]!["restartPolicy"] = restart;
        return new JobMetricPlan(bounded, deadline, (int)backoff);
    }

    private static long Bounded(JsonNode? node, long fallback, long minimum, long maximum, string path, SpecErrors errors)
    {
        if (node is null)
        {
            return fallback;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number
            || !long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(path, "must be an integer");
            return fallback;
        }

        if (number < minimum || number > maximum)
        {
            errors.Add(path, $"must be between {minimum} and {maximum}, got {number}: a job metric must not hold the rollout for long");
        }

        return number;
    }

    private static string CheckTemplate(JsonNode? node, string path, SpecErrors errors)
    {
        if (node is not JsonObject template || template["spec"] is not JsonObject podSpec)
        {
            errors.Add($"{path}.spec", "a pod template with a spec is required");
            return "Never";
        }

        if (podSpec["containers"] is not JsonArray { Count: > 0 } containers || containers.Any(c => c is not JsonObject))
        {
            errors.Add($"{path}.spec.containers", "at least one container is required");
        }

        var restart = podSpec["restartPolicy"] is JsonValue policy && policy.TryGetValue<string>(out var text) ? text : null;
        if (podSpec["restartPolicy"] is not null && restart is not ("Never" or "OnFailure"))
        {
            errors.Add($"{path}.spec.restartPolicy", "must be Never or OnFailure (a Job's pods must not restart forever)");
        }

        return restart ?? "Never";
    }
}
