using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>Validates a metric's provider and returns a copy of its Prometheus settings with the schema defaults applied.</summary>
internal static class PrometheusParser
{
    public static PrometheusMetric? Parse(MetricProvider? provider, string path, IReadOnlySet<string> args, SpecErrors errors)
    {
        var prometheus = provider?.Prometheus;
        if (prometheus is null)
        {
            errors.Add($"{path}.prometheus", "a provider is required: set prometheus");
            return null;
        }

        var at = $"{path}.prometheus";
        CheckQuery(prometheus.Query, $"{at}.query", args, errors);
        CheckAddress(prometheus.Address, $"{at}.address", errors);
        PrometheusTimeouts.Check(Fields.Duration(prometheus.Timeout, SpecDefaults.PrometheusTimeout, $"{at}.timeout", errors, positive: true), $"{at}.timeout", errors);
        CheckAuthentication(prometheus.Authentication, $"{at}.authentication", errors);
        return WithDefaults(prometheus, ParseRange(prometheus.Range, $"{at}.range", errors));
    }

    private static void CheckQuery(string? query, string path, IReadOnlySet<string> args, SpecErrors errors)
    {
        if (Fields.IsBlank(query))
        {
            errors.Add(path, "query is required");
            return;
        }

        QueryPlaceholders.Validate(query!, args, path, errors);
    }

    private static void CheckAddress(string? address, string path, SpecErrors errors)
    {
        if (address is null)
        {
            return;
        }

        var valid = Uri.TryCreate(address, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host);
        if (!valid)
        {
            errors.Add(path, $"address \"{address}\" must be an absolute http or https URL");
        }
    }

    private static void CheckAuthentication(PrometheusAuth? auth, string path, SpecErrors errors)
    {
        if (auth is null)
        {
            return;
        }

        var methods = (auth.BearerTokenSecretRef is null ? 0 : 1) + (auth.BearerTokenFile is null ? 0 : 1) + (auth.Basic is null ? 0 : 1);
        if (methods > 1)
        {
            errors.Add(path, "set at most one of bearerTokenSecretRef, bearerTokenFile, basic");
        }
    }

    private static PrometheusRange? ParseRange(PrometheusRange? range, string path, SpecErrors errors)
    {
        if (range is null)
        {
            return null;
        }

        if (Fields.IsBlank(range.Window))
        {
            errors.Add($"{path}.window", "window is required");
        }
        else
        {
            Fields.Duration(range.Window, "", $"{path}.window", errors, positive: true);
        }

        Fields.Duration(range.Step, SpecDefaults.PrometheusRangeStep, $"{path}.step", errors, positive: true);
        return new PrometheusRange { Window = range.Window, Step = range.Step ?? SpecDefaults.PrometheusRangeStep };
    }

    // A copy: the spec may be a shared cached object, and the plan must carry the defaults even when no API server applied them.
    private static PrometheusMetric WithDefaults(PrometheusMetric source, PrometheusRange? range) => new()
    {
        Address = source.Address,
        Query = source.Query,
        Timeout = source.Timeout ?? SpecDefaults.PrometheusTimeout,
        Range = range,
        Authentication = source.Authentication,
        Headers = source.Headers,
        Tls = source.Tls is null ? null : new TlsSettings
        {
            CaSecretRef = source.Tls.CaSecretRef,
            CaFile = source.Tls.CaFile,
            InsecureSkipVerify = source.Tls.InsecureSkipVerify ?? SpecDefaults.InsecureSkipVerify,
        },
    };
}
