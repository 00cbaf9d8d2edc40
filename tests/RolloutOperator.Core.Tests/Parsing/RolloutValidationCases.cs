using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>One case per top-level, workload and blue/green rule.</summary>
internal static class RolloutValidationCases
{
    private const string BlueGreen = "spec.strategy.blueGreen";

    public static IReadOnlyDictionary<string, ValidationCase> All { get; } = new Dictionary<string, ValidationCase>
    {
        ["template and workloadRef both set"] = new(() => Specs.Canary().Mutate(s => s.WorkloadRef = new WorkloadRef { Name = "demo" }), "spec", "exactly one of template or workloadRef"),
        ["neither template nor workloadRef"] = new(() => Specs.Canary().Mutate(s => s.Template = null), "spec"),
        ["template without containers"] = new(() => Specs.Canary().Mutate(s => s.Template!["spec"]!["containers"] = new JsonArray()), "spec.template.spec.containers"),
        ["template label not a string"] = new(() => Specs.Canary().Mutate(s => s.Template!["metadata"]!["labels"]!["tier"] = 3), "spec.template.metadata.labels", "tier"),
        ["selector missing with template"] = new(() => Specs.Canary().Mutate(s => s.Selector = null), "spec.selector", "required"),
        ["selector empty"] = new(() => Specs.Canary().Mutate(s => s.Selector = new LabelSelector()), "spec.selector", "empty"),
        ["selector label not on template"] = new(() => Specs.Canary().Mutate(s => s.Selector!.MatchLabels!["app"] = "other"), "spec.selector.matchLabels", "app=other"),
        ["selector expression not matching template"] = new(() => Specs.Canary().Mutate(s => s.Selector!.MatchExpressions = [In("tier", "db")]), "spec.selector.matchExpressions[0]"),
        ["selector In without values"] = new(() => Specs.Canary().Mutate(s => s.Selector!.MatchExpressions = [In("tier")]), "spec.selector.matchExpressions[0].values"),
        ["workloadRef kind not Deployment"] = new(() => WorkloadRef(r => r.Kind = "StatefulSet"), "spec.workloadRef.kind", "StatefulSet", WithWorkload),
        ["workloadRef apiVersion not apps/v1"] = new(() => WorkloadRef(r => r.ApiVersion = "apps/v1beta1"), "spec.workloadRef.apiVersion", null, WithWorkload),
        ["workloadRef name empty"] = new(() => WorkloadRef(r => r.Name = ""), "spec.workloadRef.name", "required", WithWorkload),
        ["workloadRef deployment not found"] = new(() => WorkloadRef(_ => { }), "spec.workloadRef.name", "Deployment \"demo\" not found"),
        ["workloadRef selector not matching deployment labels"] = new(() => WorkloadRef(_ => { }).Mutate(s => s.Selector = new LabelSelector { MatchLabels = new() { ["app"] = "x" } }), "spec.selector.matchLabels", null, WithWorkload),
        ["replicas negative"] = new(() => Specs.Canary().Mutate(s => s.Replicas = -1), "spec.replicas"),
        ["progressDeadlineSeconds zero"] = new(() => Specs.Canary().Mutate(s => s.ProgressDeadlineSeconds = 0), "spec.progressDeadlineSeconds", "at least 1"),
        ["revisionHistoryLimit negative"] = new(() => Specs.Canary().Mutate(s => s.RevisionHistoryLimit = -1), "spec.revisionHistoryLimit"),
        ["rollbackWindow revisions negative"] = new(() => Specs.Canary().Mutate(s => s.RollbackWindow = new RollbackWindow { Revisions = -1 }), "spec.rollbackWindow.revisions"),
        ["no strategy"] = new(() => Specs.Canary().Mutate(s => s.Strategy = new RolloutStrategy()), "spec.strategy", "exactly one of canary or blueGreen"),
        ["both strategies"] = new(() => Specs.Canary().Mutate(s => s.Strategy.BlueGreen = Specs.BlueGreen().Strategy.BlueGreen), "spec.strategy"),
        ["blueGreen activeService missing"] = new(() => Specs.BlueGreen().Mutate(s => s.Strategy.BlueGreen!.ActiveService = ""), $"{BlueGreen}.activeService"),
        ["blueGreen previewService equals activeService"] = new(() => Specs.BlueGreen().Mutate(s => s.Strategy.BlueGreen!.PreviewService = "demo-active"), $"{BlueGreen}.previewService"),
        ["blueGreen previewReplicaCount above replicas"] = new(() => Specs.BlueGreen().Mutate(s => s.Strategy.BlueGreen!.PreviewReplicaCount = 4), $"{BlueGreen}.previewReplicaCount", "spec.replicas (3)"),
        ["blueGreen scaleDownDelaySeconds negative"] = new(() => Specs.BlueGreen().Mutate(s => s.Strategy.BlueGreen!.ScaleDownDelaySeconds = -5), $"{BlueGreen}.scaleDownDelaySeconds"),
        ["blueGreen prePromotion template missing"] = new(() => Specs.BlueGreen().Mutate(s => s.Strategy.BlueGreen!.PrePromotionAnalysis!.Templates![0].TemplateName = "nope"), $"{BlueGreen}.prePromotionAnalysis.templates[0].templateName", "AnalysisTemplate \"nope\" not found"),
        ["blueGreen postPromotion analysis empty"] = new(() => Specs.BlueGreen().Mutate(s => s.Strategy.BlueGreen!.PostPromotionAnalysis = new RolloutAnalysis()), $"{BlueGreen}.postPromotionAnalysis", "at least one template or metric"),
    };

    private static ParseContext WithWorkload() => Specs.Context(Specs.PodTemplate());

    private static RolloutSpec WorkloadRef(Action<WorkloadRef> change)
    {
        var reference = new WorkloadRef { Name = "demo" };
        change(reference);
        return Specs.Canary().Mutate(s =>
        {
            s.Template = null;
            s.WorkloadRef = reference;
        });
    }

    private static LabelSelectorRequirement In(string key, params string[] values) =>
        new() { Key = key, Operator = LabelSelectorOperator.In, Values = [.. values] };
}
