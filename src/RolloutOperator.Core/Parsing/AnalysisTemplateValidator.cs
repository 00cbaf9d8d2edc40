using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Standalone lint of an AnalysisTemplate or ClusterAnalysisTemplate: metric rules, duplicate names, placeholders against
/// its own args, and the provider rules that depend on who owns it (clusterScope) and on the admin's provider policy.
/// </summary>
public static class AnalysisTemplateValidator
{
    public static IReadOnlyList<SpecError> Validate(AnalysisTemplateSpec spec, string pathPrefix = "spec", bool clusterScope = false, ProviderPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(pathPrefix);
        var errors = new SpecErrors();
        TemplateParser.ParseMetrics(spec, pathPrefix, gating: true, new MetricOrigin(clusterScope, policy ?? ProviderPolicy.Default), errors);
        return errors.All;
    }
}
