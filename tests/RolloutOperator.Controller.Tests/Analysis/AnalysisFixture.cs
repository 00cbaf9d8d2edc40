using k8s.Models;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Analysis;

/// <summary>Rollouts, plans and due measurements for the measurement-service tests.</summary>
internal static class AnalysisFixture
{
    public const string Canary = "c0ffee1234";
    public const string Stable = "5ab1e00000";

    public static Rollout Rollout(Action<Rollout>? configure = null)
    {
        var rollout = new Rollout
        {
            Metadata = new V1ObjectMeta
            {
                Name = "checkout",
                NamespaceProperty = "team-a",
                Uid = "uid-1",
                Labels = new Dictionary<string, string> { ["team"] = "payments" },
                Annotations = new Dictionary<string, string> { ["slo/target"] = "0.995" },
            },
            Spec = new RolloutSpec
            {
                Replicas = 5,
                Strategy = new RolloutStrategy { Canary = new CanaryStrategy { StableService = "checkout-stable", CanaryService = "checkout-canary" } },
            },
            Status = new RolloutStatus { StableRevision = Stable, CanaryRevision = Canary },
        };
        configure?.Invoke(rollout);
        return rollout;
    }

    public static RolloutPlan Plan() =>
        new(Canary, 5, new CanaryPlan([], null, 0, [], 1, 0, TimeSpan.Zero, TimeSpan.Zero, false), TimeSpan.FromMinutes(10), false, false, 10, 0, "app=checkout");

    public static MetricPlan Metric(string name, string query, string? address = "http://prometheus.invalid:9090") =>
        new(name, TimeSpan.FromMinutes(1), 1, TimeSpan.Zero, 0, 0, 4, null, null, new ThresholdRange { Min = 0.99 }, NoDataPolicy.Retry,
            new PrometheusMetric { Query = query, Timeout = "5s", Address = address });

    public static DueMeasurement Due(string query, params ArgumentPlan[] args) => Due(Metric("m", query), args);

    public static DueMeasurement Due(MetricPlan metric, params ArgumentPlan[] args) =>
        new("step-2", Canary, metric, new AnalysisPlan([metric], args));
}
