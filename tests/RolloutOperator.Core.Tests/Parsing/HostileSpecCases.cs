using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>Each defect the hostile-spec fuzzing found, as a spec that must be an InvalidSpec at the named field.</summary>
internal static class HostileSpecCases
{
    private const string Steps = "spec.strategy.canary.steps";
    private const string Pause = Steps + "[1].pause.duration";
    private const string Metric = Steps + "[2].analysis.metrics[0]";

    public static IReadOnlyDictionary<string, ValidationCase> All { get; } = new Dictionary<string, ValidationCase>
    {
        // Overflowed a long and fell through to the Go-style branch, parsing as 0 s: the pause vanished.
        ["duration of 20 digits"] = new(() => WithPause("99999999999999999999"), Pause, "exceeds the maximum of 8760h"),

        // Threw OverflowException out of SpecParser.Parse (TimeSpan.FromSeconds): endless retries.
        ["duration of 13 digits"] = new(() => WithPause("9999999999999"), Pause, "exceeds the maximum"),

        // Threw out of SpecParser.Parse (TimeSpan.FromMilliseconds).
        ["duration in huge hours"] = new(() => WithPause("99999999999h"), Pause, "exceeds the maximum"),

        // "$" matched before the newline, and the Go-style parts found nothing: 0 s.
        ["duration with trailing newline"] = new(() => WithPause("30\n"), Pause, "invalid duration"),
        ["Go-style duration with trailing newline"] = new(() => WithPause("5m\n"), Pause, "invalid duration"),
        ["duration beyond a year"] = new(() => WithPause("8761h"), Pause, "exceeds the maximum"),
        ["metric interval beyond a year"] = new(() => Specs.Canary().WithInlineMetrics(With(m => m.Interval = "9999999999999")), $"{Metric}.interval", "exceeds the maximum"),
        ["metric initialDelay with trailing newline"] = new(() => Specs.Canary().WithInlineMetrics(With(m => m.InitialDelay = "1m\n")), $"{Metric}.initialDelay", "invalid duration"),
        ["prometheus timeout huge"] = new(() => Specs.Canary().WithInlineMetrics(With(m => m.Provider.Prometheus!.Timeout = "99999999999999999999s")), $"{Metric}.provider.prometheus.timeout", "exceeds the maximum"),

        // "$" let a newline through the metric-name pattern.
        ["metric name with trailing newline"] = new(() => Specs.Canary().WithInlineMetrics(With(m => m.Name = "ok\n")), $"{Metric}.name", "invalid metric name"),

        // Overflowed the replica sums of the status summary (OverflowException out of RolloutDecider.Decide).
        ["replicas at int max"] = new(() => Specs.Canary().Mutate(s => s.Replicas = int.MaxValue), "spec.replicas", "at most 100000"),
        ["setCanaryScale replicas at int max"] = new(() => Specs.Canary().Mutate(s => s.Canary().Steps![3].SetCanaryScale = new SetCanaryScale { Replicas = int.MaxValue }), $"{Steps}[3].setCanaryScale.replicas", "between 0 and 100000"),

        // Hashing a template nested past the JSON writer's depth threw InvalidOperationException.
        ["template nested 1100 levels"] = new(() => Specs.Canary().Mutate(s => s.Template!["deep"] = Hostile.SpecMutator.Nested(1100)), "spec.template", "nested deeper than 50 levels"),
        ["workloadRef template nested 1100 levels"] = new(
            () => Specs.Canary().Mutate(s => (s.Template, s.WorkloadRef) = (null, new WorkloadRef { Name = "web" })),
            "spec.workloadRef.name",
            "nested deeper than 50 levels",
            () => Specs.Context(DeepTemplate())),

        // A null requirement threw NullReferenceException out of SpecParser.Parse.
        ["selector requirement null"] = new(() => Specs.Canary().Mutate(s => s.Selector!.MatchExpressions = [null!]), "spec.selector.matchExpressions[0]", "must not be null"),

        // Written into status.selector unchecked, where no client could parse it.
        ["selector key with a space"] = new(
            () => Specs.Canary().Mutate(s => s.Selector!.MatchExpressions = [new LabelSelectorRequirement { Key = "a b", Operator = LabelSelectorOperator.Exists }]),
            "spec.selector.matchExpressions[0].key",
            "label key \"a b\" is invalid"),
        ["selector value with a newline"] = new(
            () => Specs.Canary().Mutate(s => s.Selector!.MatchExpressions = [new LabelSelectorRequirement { Key = "app", Operator = LabelSelectorOperator.In, Values = ["demo\n"] }]),
            "spec.selector.matchExpressions[0].values[0]",
            "label value"),

        // Compiled by .NET, refused by every RE2-based router on each reconcile: the header route never took effect.
        ["header regex with backreference"] = new(() => WithHeaderRegex("(a)\\1"), $"{Steps}[4].setHeaderRoute.match[0].headerValue.regex", "backreference"),
        ["header regex with lookahead"] = new(() => WithHeaderRegex("beta(?=-x)"), $"{Steps}[4].setHeaderRoute.match[0].headerValue.regex", "lookahead"),

        // Not defects (the condition language was already bounded), kept so the bounds stay: no StackOverflow, an error.
        ["condition nested 400 levels"] = new(() => Specs.Canary().WithInlineMetrics(With(m => m.SuccessCondition = new string('(', 400) + "true" + new string(')', 400))), $"{Metric}.successCondition", "invalid condition"),
        ["condition of 5000 characters"] = new(() => Specs.Canary().WithInlineMetrics(With(m => m.SuccessCondition = string.Concat(Enumerable.Repeat("!", 5000)) + "true")), $"{Metric}.successCondition", "at most 1024 characters"),
    };

    private static RolloutSpec WithHeaderRegex(string regex) =>
        Specs.Canary().Mutate(s => s.Canary().Steps![4].SetHeaderRoute!.Match![0].HeaderValue = new StringMatch { Regex = regex });

    private static RolloutSpec WithPause(string duration) => Specs.Canary().Mutate(s => s.Canary().Steps![1].Pause!.Duration = duration);

    private static Metric With(Action<Metric> change)
    {
        var metric = Specs.Metric();
        change(metric);
        return metric;
    }

    private static System.Text.Json.Nodes.JsonObject DeepTemplate()
    {
        var template = Specs.PodTemplate();
        template["deep"] = Hostile.SpecMutator.Nested(1100);
        return template;
    }
}
