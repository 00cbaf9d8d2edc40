namespace RolloutOperator.Sandbox.Options;

/// <summary>What the command line asked for.</summary>
internal sealed record SandboxOptions
{
    public SandboxCommand Command { get; init; } = SandboxCommand.Up;

    /// <summary>Plain timestamped lines instead of the live display (CI, redirected output).</summary>
    public bool NonInteractive { get; init; }

    /// <summary>Manifests for <c>apply</c>, in order.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The user's own Prometheus: analysis queries go there (read-only) and no local one is started.</summary>
    public Uri? PrometheusUrl { get; init; }

    /// <summary>The Prometheus binary (<c>--prometheus-bin</c> or <c>SANDBOX_PROMETHEUS_BIN</c>); default /usr/bin/prometheus.</summary>
    public string? PrometheusBinary { get; init; }

    /// <summary>Extra CRD files or folders to install (e.g. the Gateway API CRDs for an HTTPRoute).</summary>
    public IReadOnlyList<string> ExtraCrds { get; init; } = [];

    /// <summary>The Rollout the traffic simulator follows in <c>up</c>; <c>apply</c> follows the first Rollout it applies.</summary>
    public string Rollout { get; init; } = "demo";

    public string Namespace { get; init; } = "default";

    /// <summary><c>apply</c>: keep watching after healthy/degraded until Ctrl-C, so further versions can be rolled out.</summary>
    public bool Stay { get; init; }
}
