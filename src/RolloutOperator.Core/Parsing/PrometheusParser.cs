using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Validates a metric's provider and returns a copy of its Prometheus settings with the schema defaults applied. The
/// admin's policy is enforced here, so a refused file or host is an InvalidSpec naming the field and nothing is ever read
/// or contacted for it.
/// </summary>
internal static class PrometheusParser
{
    /// <param name="queryRequired">False for judge and SLO metrics and the error-budget policy, whose queries live elsewhere (their parsers reject a query here).</param>
    public static PrometheusMetric? Parse(MetricProvider? provider, string path, IReadOnlySet<string> args, MetricOrigin origin, SpecErrors errors, bool queryRequired = true)
    {
        var prometheus = provider?.Prometheus;
        if (prometheus is null)
        {
            errors.Add($"{path}.prometheus", "a provider is required: set prometheus");
            return null;
        }

        var at = $"{path}.prometheus";
        if (queryRequired)
        {
            CheckQuery(prometheus.Query, $"{at}.query", args, errors);
        }

        CheckAddress(prometheus.Address, $"{at}.address", origin.Policy.AllowedHosts, errors);
        PrometheusTimeouts.Check(Fields.Duration(prometheus.Timeout, SpecDefaults.PrometheusTimeout, $"{at}.timeout", errors, positive: true), $"{at}.timeout", errors);
        CheckAuthentication(prometheus.Authentication, $"{at}.authentication", errors);
        CheckFile(prometheus.Authentication?.BearerTokenFile, $"{at}.authentication.bearerTokenFile", "bearerTokenSecretRef", origin, errors);
        CheckFile(prometheus.Tls?.CaFile, $"{at}.tls.caFile", "caSecretRef", origin, errors);
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

    private static void CheckAddress(string? address, string path, HostAllowList allowed, SpecErrors errors)
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
        else if (!allowed.Allows(uri!))
        {
            errors.Add(path, $"address {Display(uri!)} is not allowed: host {uri!.Authority} is not in the operator's --prometheus-allowed-hosts ({string.Join(", ", allowed.Entries)})");
        }
    }

    // Without user info: a URL may carry a password.
    private static string Display(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    // The operator reads files with its own identity; only an admin-owned template may point it at one, and only inside
    // the directories the admin allowed. A namespaced object must use a Secret of its own namespace.
    private static void CheckFile(string? file, string path, string secretAlternative, MetricOrigin origin, SpecErrors errors)
    {
        if (file is null)
        {
            return;
        }

        if (!origin.AdminOwned)
        {
            errors.Add(path, $"file credentials are accepted only from ClusterAnalysisTemplates; a Rollout or AnalysisTemplate must use {secretAlternative} (a Secret in its own namespace)");
        }
        else if (CredentialPaths.Refusal(file, origin.Policy.CredentialFileDirectories) is { } refusal)
        {
            errors.Add(path, refusal);
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
