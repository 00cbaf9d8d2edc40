using System.Globalization;
using System.Text;
using RolloutOperator.EndToEnd.Tests.Support;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>The objects of a chaos fleet: per member two Services, an HTTPRoute and a canary Rollout; one shared AnalysisTemplate.</summary>
internal static class FleetManifests
{
    public const string Template = """
        apiVersion: rollout-operator.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: chaos-check}
        spec:
          args:
            - name: rollout
              valueFrom: {fieldRef: {fieldPath: metadata.name}}
          metrics:
            - name: success-rate
              interval: 1s
              count: 2
              consecutiveErrorLimit: 3
              successCondition: result >= 0.99
              provider:
                prometheus:
                  timeout: 2s
                  query: 'chaos_success_ratio{rollout="{{args.rollout}}"}'
        """;

    /// <summary>Seeded: about a quarter of the members are analysed, a third of those bad.</summary>
    public static IReadOnlyList<FleetMember> Members(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var analysed = random.NextDouble() < 0.25;
            var bad = analysed && random.NextDouble() < 1.0 / 3;
            var name = "c-" + i.ToString("000", CultureInfo.InvariantCulture) + (bad ? "-bad" : "");
            return new FleetMember(name, analysed, bad);
        })];
    }

    public static string All(IEnumerable<FleetMember> members)
    {
        var yaml = new StringBuilder(Template);
        foreach (var m in members)
        {
            yaml.Append("\n---\n").Append(TestManifests.Services(m.Name))
                .Append("\n---\n").Append(TestManifests.HttpRoute(m.Name))
                .Append("\n---\n").Append(TestManifests.Canary(Routing(m.Name), Steps(m), m.Name, replicas: 2));
        }

        return yaml.ToString();
    }

    private static string Routing(string app) => $$"""
              trafficRouting:
                gatewayAPI:
                  httpRoutes: [{name: {{app}}}]
        """;

    private static string Steps(FleetMember member) => string.Join("\n", member.Steps.Select(s => s.Kind switch
    {
        FleetStepKind.Weight => $"        - setWeight: {s.Value}",
        FleetStepKind.Pause => $"        - pause: {{duration: {s.Value}s}}",
        _ => "        - analysis: {templates: [{templateName: chaos-check}]}",
    }));
}
