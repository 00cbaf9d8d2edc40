namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>The availability SLO of the simulator's HTTP counters, as a metric and as an error-budget policy.</summary>
internal static class SloMetric
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private const string Bad = """sum(rate(http_requests_total{namespace="{{rollout.namespace}}", rollout="web", revision="{{slo.revision}}", code=~"5.."}[{{slo.window}}]))""";

    private const string Total = """sum(rate(http_requests_total{namespace="{{rollout.namespace}}", rollout="web", revision="{{slo.revision}}"}[{{slo.window}}]))""";

    /// <summary>99% availability; 6 measurements 5 s apart; no data is retried.</summary>
    public const string Yaml = $$"""
            - name: availability-slo
              interval: 5s
              count: 6
              consecutiveErrorLimit: 4
              slo:
                objective: 99
                bad: '{{Bad}}'
                total: '{{Total}}'
              provider:
                prometheus:
                  timeout: 2s
        """;

    /// <summary>
    /// The service's budget over a 1 m period (seconds-scale stand-in for 30 days), re-read every 2 s; new revisions
    /// wait while less than half of it is left.
    /// </summary>
    public const string Policy = """
          errorBudgetPolicy:
            objective: 99
            period: 1m
            interval: 2s
            minRemainingPercent: 50
            bad: 'sum(rate(http_requests_total{namespace="{{rollout.namespace}}", rollout="web", code=~"5.."}[{{slo.window}}]))'
            total: 'sum(rate(http_requests_total{namespace="{{rollout.namespace}}", rollout="web"}[{{slo.window}}]))'
            provider:
              prometheus:
                timeout: 2s
        """;
}
