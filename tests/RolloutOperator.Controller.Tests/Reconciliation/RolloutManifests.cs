using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>Rollout and Service manifests for the controller tests, as the user (or Argo CD) would apply them.</summary>
internal static class RolloutManifests
{
    public const string Name = "web";

    public static JsonObject Canary(string ns, string image, string steps = """[{"setWeight":25},{"setWeight":50}]""", int replicas = 4) => Rollout(ns, replicas, image, $$"""
        {"canary":{"stableService":"web-stable","canaryService":"web-canary","steps":{{steps}} } }
        """);

    public static JsonObject BlueGreen(string ns, string image, bool autoPromote = false) => Rollout(ns, 2, image, $$"""
        {"blueGreen":{"activeService":"web-stable","previewService":"web-canary","autoPromotionEnabled":{{(autoPromote ? "true" : "false")}} } }
        """);

    public static JsonObject Rollout(string ns, int replicas, string image, string strategy) => JsonNode.Parse($$"""
        {
          "apiVersion": "rollout-operator.io/v1alpha1",
          "kind": "Rollout",
          "metadata": {
            "name": "{{Name}}",
            "namespace": "{{ns}}",
            "labels": {"app.kubernetes.io/instance": "argo-app", "argocd.argoproj.io/instance": "argo-app", "team": "payments"},
            "annotations": {"argocd.argoproj.io/tracking-id": "argo-app:rollout-operator.io/Rollout:{{ns}}/web"}
          },
          "spec": {
            "replicas": {{replicas}},
            "selector": {"matchLabels": {"app": "web"} },
            "template": {
              "metadata": {"labels": {"app": "web"} },
              "spec": {"containers": [{"name": "web", "image": "{{image}}"}]}
            },
            "strategy": {{strategy}}
          }
        }
        """)!.AsObject();

    public static JsonObject Service(string ns, string name) => JsonNode.Parse($$"""
        {
          "apiVersion": "v1",
          "kind": "Service",
          "metadata": {"name": "{{name}}", "namespace": "{{ns}}"},
          "spec": {"selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": 8080}]}
        }
        """)!.AsObject();
}
