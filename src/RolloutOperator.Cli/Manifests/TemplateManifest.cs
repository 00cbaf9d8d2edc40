using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Manifests;

internal sealed record TemplateManifest(ManifestDocument Document, string Name, bool ClusterScope, AnalysisTemplateSpec Spec);
