namespace RolloutOperator.EndToEnd.Tests.Support;

/// <summary>The objects a platform team would have in Git for each strategy, small enough for second-long rollouts.</summary>
public static class TestManifests
{
    public static string Services(string app = "web") => Fill(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: __APP__-stable}
        spec:
          selector: {app: __APP__}
          ports: [{port: 80, targetPort: 8080}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: __APP__-canary}
        spec:
          selector: {app: __APP__}
          ports: [{port: 80, targetPort: 8080}]
        """,
        ("APP", app));

    public static string HttpRoute(string app = "web") => Fill(
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: __APP__, labels: {team: payments}}
        spec:
          parentRefs: [{name: public-gateway}]
          hostnames: ["__APP__.example.com"]
          rules:
            - matches: [{path: {type: PathPrefix, value: /}}]
              backendRefs: [{name: __APP__-stable, port: 80}]
        """,
        ("APP", app));

    public static string VirtualService(string app = "web") => Fill(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: __APP__, labels: {team: payments}}
        spec:
          hosts: ["__APP__.example.com"]
          gateways: [public-gateway]
          http:
            - name: primary
              match: [{uri: {prefix: /}}]
              retries: {attempts: 3}
              route: [{destination: {host: __APP__-stable, port: {number: 80}}, weight: 100}]
        """,
        ("APP", app));

    public static string Ingress(string app = "web") => Fill(
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: __APP__}
        spec:
          ingressClassName: nginx
          rules:
            - host: __APP__.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: __APP__-stable, port: {number: 80}}}
        """,
        ("APP", app));

    public static string Canary(string routing, string steps = StandardSteps, string app = "web", int replicas = 4, string extra = "") => Fill(
        """
        apiVersion: rollout-operator.io/v1alpha1
        kind: Rollout
        metadata:
          name: __APP__
          labels: {app.kubernetes.io/instance: from-gitops, argocd.argoproj.io/instance: from-gitops}
        spec:
          replicas: __REPLICAS__
          selector: {matchLabels: {app: __APP__}}
          template:
            metadata: {labels: {app: __APP__}}
            spec:
              containers: [{name: app, image: "registry.example/__APP__:1"}]
          strategy:
            canary:
              stableService: __APP__-stable
              canaryService: __APP__-canary
              scaleDownDelaySeconds: 2
              abortScaleDownDelaySeconds: 1
        __ROUTING__
              steps:
        __STEPS__
        __EXTRA__
        """,
        ("ROUTING", routing), ("STEPS", steps), ("APP", app), ("REPLICAS", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("EXTRA", extra));

    public const string StandardSteps = """
                - setWeight: 20
                - pause: {duration: 1s}
                - setWeight: 50
                - pause: {duration: 1s}
        """;

    public const string GatewayRouting = """
              trafficRouting:
                gatewayAPI:
                  httpRoutes: [{name: web}]
        """;

    public const string IstioVirtualServiceRouting = """
              trafficRouting:
                istio:
                  virtualServices: [{name: web, httpRoutes: [primary]}]
                managedRoutes: [{name: testers}, {name: shadow}]
        """;

    public const string GatewayAndIstioRouting = """
              trafficRouting:
                gatewayAPI:
                  httpRoutes: [{name: web}]
                istio:
                  virtualServices: [{name: web}]
        """;

    public const string NginxRouting = """
              trafficRouting:
                nginx: {stableIngress: web}
        """;

    public const string NoRouting = "";

    private static string Fill(string template, params (string Name, string Value)[] values) =>
        values.Aggregate(template, (text, v) => text.Replace("__" + v.Name + "__", v.Value, StringComparison.Ordinal));

    public static string BlueGreen(string app = "bg", int replicas = 3) => Fill(
        """
        apiVersion: rollout-operator.io/v1alpha1
        kind: Rollout
        metadata: {name: __APP__}
        spec:
          replicas: __REPLICAS__
          selector: {matchLabels: {app: __APP__}}
          template:
            metadata: {labels: {app: __APP__}}
            spec:
              containers: [{name: app, image: "registry.example/__APP__:1"}]
          strategy:
            blueGreen:
              activeService: __APP__-active
              previewService: __APP__-preview
              autoPromotionEnabled: false
              scaleDownDelaySeconds: 2
        """,
        ("APP", app), ("REPLICAS", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static string BlueGreenServices(string app = "bg") => Fill(
        """
        apiVersion: v1
        kind: Service
        metadata: {name: __APP__-active}
        spec:
          selector: {app: __APP__}
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: __APP__-preview}
        spec:
          selector: {app: __APP__}
          ports: [{port: 80}]
        """,
        ("APP", app));
}
