using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Manifests;

internal sealed record RolloutManifest(ManifestDocument Document, string Name, string? Namespace, RolloutSpec Spec);
