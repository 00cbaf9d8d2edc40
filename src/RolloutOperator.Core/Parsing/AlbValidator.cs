using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Checks trafficRouting.alb. The action name becomes part of an annotation key (<c>&lt;prefix&gt;/actions.&lt;name&gt;</c>),
/// so the whole key must satisfy the annotation key syntax or the API server would reject every write.
/// </summary>
internal static class AlbValidator
{
    public static void Check(AlbRouting alb, string? stableService, string path, SpecErrors errors)
    {
        var ingresses = alb.Ingresses ?? [];
        if (ingresses.Count == 0)
        {
            errors.Add($"{path}.ingresses", "at least one Ingress is required");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ingresses.Count; i++)
        {
            if (Fields.IsBlank(ingresses[i]))
            {
                errors.Add($"{path}.ingresses[{i}]", "name is required");
            }
            else if (!seen.Add(ingresses[i]))
            {
                errors.Add($"{path}.ingresses[{i}]", $"duplicate Ingress \"{Fields.Shown(ingresses[i])}\"");
            }
        }

        if (alb.ServicePort is < 1 or > 65535)
        {
            errors.Add($"{path}.servicePort", $"must be between 1 and 65535, got {alb.ServicePort}");
        }

        var key = $"{alb.AnnotationPrefix ?? AlbDefaults.AnnotationPrefix}/actions.{alb.RootService ?? stableService ?? "stable"}";
        if (LabelSyntax.KeyError(key) is { } error)
        {
            errors.Add($"{path}.rootService", $"the action annotation key is invalid (rootService defaults to stableService): {error}");
        }

        if (alb.Stickiness?.DurationSeconds is < 1 or > AlbDefaults.MaxStickinessSeconds)
        {
            errors.Add($"{path}.stickiness.durationSeconds", $"must be between 1 and {AlbDefaults.MaxStickinessSeconds}, got {alb.Stickiness.DurationSeconds}");
        }
    }
}
