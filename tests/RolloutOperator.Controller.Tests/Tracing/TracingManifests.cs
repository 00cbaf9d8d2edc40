using System.Text.Json.Nodes;
using RolloutOperator.Controller.Tests.Reconciliation;

namespace RolloutOperator.Controller.Tests.Tracing;

/// <summary>Rollouts with analysis for the tracing tests.</summary>
internal static class TracingManifests
{
    public const string Metric = """{"name":"success-rate","interval":"10s","count":2,"successCondition":"result >= 0.99","provider":{"prometheus":{"address":"http://prometheus.invalid:9090","query":"up"}}}""";

    public static JsonObject CanaryWithAnalysis(string ns, string image) =>
        RolloutManifests.Canary(ns, image, $$"""[{"setWeight":25},{"analysis":{"metrics":[{{Metric}}] } },{"setWeight":50}]""");

    public static JsonObject BlueGreenWithAnalysis(string ns, string image) => RolloutManifests.Rollout(ns, 2, image, $$"""
        {"blueGreen":{"activeService":"web-stable","previewService":"web-canary","autoPromotionEnabled":true,"prePromotionAnalysis":{"metrics":[{{Metric}}]} } }
        """);
}
