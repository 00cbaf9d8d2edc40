namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>A CI value set (charts/rollout-operator/ci/&lt;name&gt;-values.yaml) and what its render must contain.</summary>
internal sealed record ValueSet(
    string Name,
    bool MonitoringApi,
    IReadOnlyList<string> WatchNamespaces,
    IReadOnlyList<string> SecretNames,
    bool AnalysisSecrets,
    string? Digest)
{
    public static readonly ValueSet Default = new("default", false, [], [], false, null);

    public static readonly ValueSet WatchNamespacesMode = new("watch-namespaces", false, ["team-a", "team-b"], ["prometheus-basic-auth"], true, null);

    public static readonly ValueSet Monitoring = new("monitoring", true, [], [], false, null);

    public static readonly ValueSet DigestPinned = new(
        "digest", false, [], [], false, "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

    public static readonly IReadOnlyList<ValueSet> All = [Default, WatchNamespacesMode, Monitoring, DigestPinned];

    public string File => RepoPaths.Of("charts", "rollout-operator", "ci", $"{Name}-values.yaml");

    public static TheoryData<string> Names() => new(All.Select(v => v.Name));

    public static ValueSet Named(string name) => All.Single(v => v.Name == name);
}
