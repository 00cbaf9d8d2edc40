using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>One case per analysis and metric rule, on the analysis step (steps[2]) of the valid canary.</summary>
internal static class AnalysisValidationCases
{
    private const string Analysis = "spec.strategy.canary.steps[2].analysis";
    private const string Metric = Analysis + ".metrics[0]";
    private const string Prometheus = Metric + ".provider.prometheus";

    public static IReadOnlyDictionary<string, ValidationCase> All { get; } = new Dictionary<string, ValidationCase>
    {
        ["analysis without templates or metrics"] = new(() => Analyse(a => a.Templates = null), Analysis, "at least one template or metric"),
        ["template name empty"] = new(() => Analyse(a => a.Templates![0].TemplateName = ""), $"{Analysis}.templates[0].templateName", "required"),
        ["template missing"] = new(() => Analyse(a => a.Templates![0].TemplateName = "latency"), $"{Analysis}.templates[0].templateName", "AnalysisTemplate \"latency\" not found"),
        ["cluster template missing"] = new(() => Analyse(a => a.Templates![0].ClusterScope = true), $"{Analysis}.templates[0].templateName", "ClusterAnalysisTemplate \"success-rate\" not found"),
        ["template arg without value"] = new(() => Analyse(a => a.Args = null), $"{Analysis}.args", "argument \"service\" of AnalysisTemplate \"success-rate\" has no value"),
        ["rollout arg unknown"] = new(() => Analyse(a => a.Args!.Add(Specs.Arg("servcie", "x"))), $"{Analysis}.args[1].name", "unknown argument \"servcie\"; the templates declare: service, window"),
        ["rollout arg duplicate"] = new(() => Analyse(a => a.Args!.Add(Specs.Arg("service", "x"))), $"{Analysis}.args[1].name", "duplicate"),
        ["rollout arg value and valueFrom"] = new(() => Analyse(a => a.Args![0].ValueFrom = FieldRef("metadata.name")), $"{Analysis}.args[0]", "exactly one of value and valueFrom"),
        ["rollout arg neither value nor valueFrom"] = new(() => Analyse(a => a.Args![0].Value = null), $"{Analysis}.args[0]"),
        ["rollout arg fieldPath empty"] = new(() => Analyse(a => a.Args![0] = new AnalysisArgValue { Name = "service", ValueFrom = FieldRef("") }), $"{Analysis}.args[0].valueFrom.fieldRef.fieldPath"),
        ["metric name duplicated by template"] = new(() => Inline(Specs.Metric()).Mutate(s => s.StepAnalysis().Templates = [Specs.Ref("success-rate")]), $"{Metric}.name", "duplicate metric name \"success-rate\""),
        ["metric name duplicated inline"] = new(() => Inline(Specs.Metric("a"), Specs.Metric("a")), $"{Analysis}.metrics[1].name", "duplicate metric name \"a\""),
        ["metric name invalid"] = new(() => Inline(Specs.Metric("Not valid!")), $"{Metric}.name"),
        ["metric without judgement"] = new(() => Inline(With(m => m.ThresholdRange = null)), Metric, "successCondition, failureCondition or thresholdRange"),
        ["thresholdRange min above max"] = new(() => Inline(With(m => m.ThresholdRange = new ThresholdRange { Min = 2, Max = 1 })), $"{Metric}.thresholdRange", "must not exceed"),
        ["thresholdRange without bounds"] = new(() => Inline(With(m => m.ThresholdRange = new ThresholdRange())), $"{Metric}.thresholdRange"),
        ["successCondition does not compile"] = new(() => Inline(With(m => m.SuccessCondition = "result >=")), $"{Metric}.successCondition", "invalid condition \"result >=\""),
        ["failureCondition does not compile"] = new(() => Inline(With(m => m.FailureCondition = "result >> 1")), $"{Metric}.failureCondition"),
        ["interval invalid"] = new(() => Inline(With(m => m.Interval = "1 minute")), $"{Metric}.interval"),
        ["interval zero"] = new(() => Inline(With(m => m.Interval = "0s")), $"{Metric}.interval", "greater than zero"),
        ["initialDelay invalid"] = new(() => Inline(With(m => m.InitialDelay = "-1s")), $"{Metric}.initialDelay"),
        ["count zero"] = new(() => Inline(With(m => m.Count = 0)), $"{Metric}.count"),
        ["failureLimit negative"] = new(() => Inline(With(m => m.FailureLimit = -1)), $"{Metric}.failureLimit"),
        ["consecutiveErrorLimit negative"] = new(() => Inline(With(m => m.ConsecutiveErrorLimit = -1)), $"{Metric}.consecutiveErrorLimit"),
        ["measurementRetention zero"] = new(() => Inline(With(m => m.MeasurementRetention = 0)), $"{Metric}.measurementRetention", "must be at least 1, got 0"),
        ["measurementRetention above the status bound"] = new(() => Inline(With(m => m.MeasurementRetention = 11)), $"{Metric}.measurementRetention", "must be at most 10, got 11"),
        ["consecutiveSuccessLimit zero"] = new(() => Inline(With(m => m.ConsecutiveSuccessLimit = 0)), $"{Metric}.consecutiveSuccessLimit", "must be at least 1, got 0"),
        ["consecutiveSuccessLimit above count"] = new(() => Inline(With(m => (m.Count, m.ConsecutiveSuccessLimit) = (3, 4))), $"{Metric}.consecutiveSuccessLimit", "must not exceed count (3"),
        ["consecutiveSuccessLimit above the gating default count"] = new(() => Inline(With(m => (m.Count, m.ConsecutiveSuccessLimit) = (null, 2))), $"{Metric}.consecutiveSuccessLimit", "gating analyses take 1 unless count is set"),
        ["provider without prometheus"] = new(() => Inline(With(m => m.Provider = new MetricProvider())), Prometheus, "provider is required"),
        ["query empty"] = new(() => Inline(With(m => m.Provider.Prometheus!.Query = " ")), $"{Prometheus}.query", "required"),
        ["query placeholder unknown"] = new(() => Inline(Specs.Metric(query: "up{pod=\"{{pod.name}}\"}")), $"{Prometheus}.query", "unknown placeholder {{pod.name}}"),
        ["query arg undeclared"] = new(() => Inline(Specs.Metric(query: "up{job=\"{{args.job}}\"}")), $"{Prometheus}.query", "no argument \"job\""),
        ["query placeholder unterminated"] = new(() => Inline(Specs.Metric(query: "up{job=\"{{args.service\"}")), $"{Prometheus}.query", "unterminated placeholder"),
        ["address relative"] = new(() => Inline(With(m => m.Provider.Prometheus!.Address = "prometheus:9090")), $"{Prometheus}.address", "absolute http or https URL"),
        ["address not http"] = new(() => Inline(With(m => m.Provider.Prometheus!.Address = "ftp://prometheus/")), $"{Prometheus}.address"),
        ["timeout invalid"] = new(() => Inline(With(m => m.Provider.Prometheus!.Timeout = "soon")), $"{Prometheus}.timeout"),
        ["timeout above maximum"] = new(() => Inline(With(m => m.Provider.Prometheus!.Timeout = "41s")), $"{Prometheus}.timeout", "must be at most 40s"),
        ["timeout of the reconcile"] = new(() => Inline(With(m => m.Provider.Prometheus!.Timeout = "1m")), $"{Prometheus}.timeout", "must be at most 40s"),
        ["range window missing"] = new(() => Inline(With(m => m.Provider.Prometheus!.Range = new PrometheusRange())), $"{Prometheus}.range.window", "required"),
        ["range window invalid"] = new(() => Inline(With(m => m.Provider.Prometheus!.Range = new PrometheusRange { Window = "1d" })), $"{Prometheus}.range.window"),
        ["range step zero"] = new(() => Inline(With(m => m.Provider.Prometheus!.Range = new PrometheusRange { Window = "5m", Step = "0" })), $"{Prometheus}.range.step"),
        ["authentication two methods"] = new(() => Inline(With(m => m.Provider.Prometheus!.Authentication = TwoAuthMethods())), $"{Prometheus}.authentication"),
        ["template metric invalid filed under reference"] = new(() => Specs.Canary(), $"{Analysis}.templates[0].templateName", "AnalysisTemplate \"success-rate\": spec.metrics[0].count: must be at least 1", BrokenTemplate),
    };

    private static RolloutSpec Analyse(Action<RolloutAnalysis> change) => Specs.Canary().Mutate(s => change(s.StepAnalysis()));

    private static RolloutSpec Inline(params Metric[] metrics) => Specs.Canary().WithInlineMetrics(metrics);

    private static Metric With(Action<Metric> change)
    {
        var metric = Specs.Metric();
        change(metric);
        return metric;
    }

    private static RolloutArgSource FieldRef(string path) => new() { FieldRef = new FieldRef { FieldPath = path } };

    private static PrometheusAuth TwoAuthMethods() => new()
    {
        BearerTokenFile = "/var/run/token",
        BearerTokenSecretRef = new SecretKeyRef { Name = "prom", Key = "token" },
    };

    private static ParseContext BrokenTemplate()
    {
        var template = Specs.SuccessRateTemplate();
        template.Metrics[0].Count = 0;
        return ParseContext.Offline([("success-rate", false, template), ("error-rate", true, Specs.ErrorRateTemplate())]);
    }
}
