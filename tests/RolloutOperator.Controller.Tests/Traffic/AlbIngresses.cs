namespace RolloutOperator.Controller.Tests.Traffic;

/// <summary>Ingress fixtures as a user of the AWS Load Balancer Controller writes them.</summary>
internal static class AlbIngresses
{
    public const string Key = "alb.ingress.kubernetes.io/actions.web-stable";

    /// <summary>The root path sends to the action named after the stable Service; /docs goes elsewhere.</summary>
    public const string Web = """
        {
          "apiVersion": "networking.k8s.io/v1",
          "kind": "Ingress",
          "metadata": {
            "name": "web-alb",
            "labels": { "app": "web" },
            "annotations": {
              "alb.ingress.kubernetes.io/scheme": "internet-facing",
              "alb.ingress.kubernetes.io/target-type": "ip",
              "team": "payments"
            }
          },
          "spec": {
            "ingressClassName": "alb",
            "rules": [
              {
                "host": "web.example.com",
                "http": {
                  "paths": [
                    { "path": "/", "pathType": "Prefix", "backend": { "service": { "name": "web-stable", "port": { "name": "use-annotation" } } } },
                    { "path": "/docs", "pathType": "Prefix", "backend": { "service": { "name": "docs", "port": { "number": 80 } } } }
                  ]
                }
              }
            ]
          }
        }
        """;

    /// <summary>An Ingress that sends straight to the stable Service: no action would ever take effect.</summary>
    public const string NoAction = """
        {
          "apiVersion": "networking.k8s.io/v1",
          "kind": "Ingress",
          "metadata": { "name": "web-alb" },
          "spec": {
            "ingressClassName": "alb",
            "rules": [ { "http": { "paths": [ { "path": "/", "pathType": "Prefix", "backend": { "service": { "name": "web-stable", "port": { "number": 80 } } } } ] } } ]
          }
        }
        """;
}
