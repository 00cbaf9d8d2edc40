using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace RolloutOperator.Controller.Tests.Caching;

/// <summary>
/// A Deployment as a real API server returns it after <c>kubectl apply</c> and a rollout: the last-applied annotation,
/// managedFields of the client and of the controller manager, a typical pod template and a status with conditions.
/// </summary>
internal static class RealisticDeployment
{
    public static V1Deployment Create(int index)
    {
        var name = $"service-{index:D5}";
        var spec = JsonNode.Parse(Spec(name))!.AsObject();
        var applied = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "apps", ["labels"] = new JsonObject { ["app"] = name, ["team"] = "payments" } },
            ["spec"] = spec.DeepClone(),
        };
        var deployment = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = JsonNode.Parse(Metadata(name, index)),
            ["spec"] = spec,
            ["status"] = JsonNode.Parse(Status),
        };
        deployment["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"] = applied.ToJsonString() + "\n";
        return KubernetesJson.Deserialize<V1Deployment>(deployment.ToJsonString());
    }

    private static string Metadata(string name, int index) => """
        {"name":"@NAME","namespace":"apps","uid":"7c0e5f0a-0000-4000-8000-@UID","resourceVersion":"@RV","generation":4,
         "creationTimestamp":"2026-11-02T09:14:07Z","labels":{"app":"@NAME","team":"payments"},
         "annotations":{"deployment.kubernetes.io/revision":"4"},
         "managedFields":[
          {"manager":"kubectl-client-side-apply","operation":"Update","apiVersion":"apps/v1","time":"2026-11-02T09:14:07Z","fieldsType":"FieldsV1",
           "fieldsV1":{"f:metadata":{"f:annotations":{".":{},"f:kubectl.kubernetes.io/last-applied-configuration":{}},"f:labels":{".":{},"f:app":{},"f:team":{}}},
            "f:spec":{"f:progressDeadlineSeconds":{},"f:replicas":{},"f:revisionHistoryLimit":{},"f:selector":{},
             "f:strategy":{"f:rollingUpdate":{".":{},"f:maxSurge":{},"f:maxUnavailable":{}},"f:type":{}},
             "f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"app\"}":{".":{},"f:env":{".":{},
              "k:{\"name\":\"LOG_LEVEL\"}":{".":{},"f:name":{},"f:value":{}},"k:{\"name\":\"DB_HOST\"}":{".":{},"f:name":{},"f:value":{}},
              "k:{\"name\":\"CACHE_TTL\"}":{".":{},"f:name":{},"f:value":{}}},"f:image":{},"f:imagePullPolicy":{},
              "f:livenessProbe":{".":{},"f:failureThreshold":{},"f:httpGet":{".":{},"f:path":{},"f:port":{},"f:scheme":{}},"f:periodSeconds":{},"f:successThreshold":{},"f:timeoutSeconds":{}},
              "f:name":{},"f:ports":{".":{},"k:{\"containerPort\":8080,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:name":{},"f:protocol":{}}},
              "f:readinessProbe":{".":{},"f:failureThreshold":{},"f:httpGet":{".":{},"f:path":{},"f:port":{},"f:scheme":{}},"f:periodSeconds":{},"f:successThreshold":{},"f:timeoutSeconds":{}},
              "f:resources":{".":{},"f:limits":{".":{},"f:memory":{}},"f:requests":{".":{},"f:cpu":{},"f:memory":{}}},
              "f:terminationMessagePath":{},"f:terminationMessagePolicy":{}}},"f:dnsPolicy":{},"f:restartPolicy":{},"f:schedulerName":{},
              "f:securityContext":{},"f:terminationGracePeriodSeconds":{}}}}}},
          {"manager":"kube-controller-manager","operation":"Update","apiVersion":"apps/v1","time":"2026-11-20T16:40:51Z","fieldsType":"FieldsV1","subresource":"status",
           "fieldsV1":{"f:metadata":{"f:annotations":{"f:deployment.kubernetes.io/revision":{}}},
            "f:status":{"f:availableReplicas":{},"f:conditions":{".":{},"k:{\"type\":\"Available\"}":{".":{},"f:lastTransitionTime":{},"f:lastUpdateTime":{},"f:message":{},"f:reason":{},"f:status":{},"f:type":{}},
             "k:{\"type\":\"Progressing\"}":{".":{},"f:lastTransitionTime":{},"f:lastUpdateTime":{},"f:message":{},"f:reason":{},"f:status":{},"f:type":{}}},
             "f:observedGeneration":{},"f:readyReplicas":{},"f:replicas":{},"f:updatedReplicas":{}}}}]}
        """.Replace("@NAME", name, StringComparison.Ordinal)
        .Replace("@UID", index.ToString("D12", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("@RV", (1000 + index).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Spec(string name) => """
        {"replicas":3,"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"selector":{"matchLabels":{"app":"@NAME"}},
         "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
         "template":{"metadata":{"labels":{"app":"@NAME"}},"spec":{"containers":[{"name":"app","image":"registry.example.com/payments/@NAME:1.42.7",
          "ports":[{"name":"http","containerPort":8080,"protocol":"TCP"}],
          "env":[{"name":"LOG_LEVEL","value":"info"},{"name":"DB_HOST","value":"db.payments.svc"},{"name":"CACHE_TTL","value":"300"}],
          "resources":{"limits":{"memory":"256Mi"},"requests":{"cpu":"100m","memory":"128Mi"}},
          "livenessProbe":{"httpGet":{"path":"/healthz","port":8080,"scheme":"HTTP"},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},
          "readinessProbe":{"httpGet":{"path":"/ready","port":8080,"scheme":"HTTP"},"timeoutSeconds":1,"periodSeconds":5,"successThreshold":1,"failureThreshold":3},
          "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],
          "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"}}}
        """.Replace("@NAME", name, StringComparison.Ordinal);

    private const string Status = """
        {"observedGeneration":4,"replicas":3,"updatedReplicas":3,"readyReplicas":3,"availableReplicas":3,
         "conditions":[
          {"type":"Available","status":"True","lastUpdateTime":"2026-11-02T09:14:21Z","lastTransitionTime":"2026-11-02T09:14:21Z","reason":"MinimumReplicasAvailable","message":"Deployment has minimum availability."},
          {"type":"Progressing","status":"True","lastUpdateTime":"2026-11-20T16:40:51Z","lastTransitionTime":"2026-11-02T09:14:07Z","reason":"NewReplicaSetAvailable","message":"ReplicaSet \"service-7d9c6b5f4d\" has successfully progressed."}]}
        """;
}
