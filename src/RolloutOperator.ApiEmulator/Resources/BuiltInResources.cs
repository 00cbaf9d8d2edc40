namespace RolloutOperator.ApiEmulator.Resources;

/// <summary>The built-in kinds the emulator serves, as a real cluster would list them in discovery.</summary>
internal static class BuiltInResources
{
    private static readonly ScaleSpec WorkloadScale = new(".spec.replicas", ".status.replicas", ".spec.selector");

    public static IReadOnlyList<ResourceType> Create() =>
    [
        Core("namespaces", "Namespace", namespaced: false, status: true, "ns"),
        Core("pods", "Pod", namespaced: true, status: true, "po"),
        Core("services", "Service", namespaced: true, status: true, "svc"),
        Core("configmaps", "ConfigMap", namespaced: true, status: false, "cm"),
        Core("secrets", "Secret", namespaced: true, status: false),
        Core("serviceaccounts", "ServiceAccount", namespaced: true, status: false, "sa"),
        Core("events", "Event", namespaced: true, status: false, "ev"),
        Core("endpoints", "Endpoints", namespaced: true, status: false, "ep"),
        Core("nodes", "Node", namespaced: false, status: true, "no"),
        Type("apps", "v1", "deployments", "Deployment", true, true, WorkloadScale, "deploy"),
        Type("apps", "v1", "replicasets", "ReplicaSet", true, true, WorkloadScale, "rs"),
        Type("apps", "v1", "statefulsets", "StatefulSet", true, true, WorkloadScale, "sts"),
        Type("apps", "v1", "daemonsets", "DaemonSet", true, true, null, "ds"),
        Type("batch", "v1", "jobs", "Job", true, true, null),
        Type("coordination.k8s.io", "v1", "leases", "Lease", true, false, null),
        Type("events.k8s.io", "v1", "events", "Event", true, false, null, "ev"),
        Type("networking.k8s.io", "v1", "ingresses", "Ingress", true, true, null, "ing"),
        Type("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false, false, null),
        Type("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true, false, null),
        Type("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, true, null, "pdb"),
        Type("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, true, null, "hpa"),
        Type("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, true, null, "crd", "crds"),
        Type("rbac.authorization.k8s.io", "v1", "roles", "Role", true, false, null),
        Type("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, false, null),
        Type("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, false, null),
        Type("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, false, null),
    ];

    private static ResourceType Core(string plural, string kind, bool namespaced, bool status, params string[] shortNames) =>
        Type(string.Empty, "v1", plural, kind, namespaced, status, null, shortNames);

    private static ResourceType Type(
        string group, string version, string plural, string kind, bool namespaced, bool status, ScaleSpec? scale, params string[] shortNames) =>
        new()
        {
            Group = group,
            Version = version,
            Plural = plural,
            Singular = kind.ToLowerInvariant(),
            Kind = kind,
            Namespaced = namespaced,
            HasStatus = status,
            Scale = scale,
            ShortNames = shortNames,
        };
}
