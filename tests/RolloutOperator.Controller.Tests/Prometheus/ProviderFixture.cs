using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.PrometheusProvider;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

/// <summary>Builds providers and queries for the provider tests.</summary>
internal static class ProviderFixture
{
    public static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static PrometheusMetricProvider Provider(Uri? defaultAddress = null, TimeProvider? time = null, Action<PrometheusOptions>? configure = null)
    {
        var options = new PrometheusOptions { DefaultAddress = defaultAddress, RetryBaseDelay = TimeSpan.FromMilliseconds(5) };
        configure?.Invoke(options);
        return new PrometheusMetricProvider(options, time ?? TimeProvider.System, NullLogger<PrometheusMetricProvider>.Instance, new Random(7));
    }

    public static PrometheusMetric Settings(Uri? address, Action<PrometheusMetric>? configure = null)
    {
        var settings = new PrometheusMetric { Address = address?.ToString(), Query = "up", Timeout = "5s" };
        configure?.Invoke(settings);
        return settings;
    }

    public static MetricQuery Query(PrometheusMetric settings, ISecretReader? secrets = null, string query = "up") =>
        new("team-a", query, settings, Now, secrets ?? new InMemorySecrets());
}
