using RolloutOperator.Controller.Analysis.Background;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Memory;

namespace RolloutOperator.Controller.Composition;

public sealed record RolloutControllerOptions
{
    /// <summary>Namespaces to watch; empty means all namespaces.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    public int Workers { get; init; } = 4;

    /// <summary>Identity of this instance in events (reportingInstance) and leader election.</summary>
    public required string InstanceName { get; init; }

    public TimeSpan ReconcileTimeout { get; init; } = TimeSpan.FromMinutes(1);

    public InformerOptions Informers { get; init; } = new();

    public TimeSpan EventDedupeWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The admin's rules for metric providers (credential directories, allowed hosts), enforced when specs are parsed.</summary>
    public ProviderPolicy ProviderPolicy { get; init; } = ProviderPolicy.Default;

    /// <summary>Record each revision rollout's trace in status and emit its spans (docs/tracing.md). Off by default.</summary>
    public bool Tracing { get; init; }

    /// <summary>Diagnostic switch: false keeps whole objects in the caches, so the benchmark can measure what the transforms save.</summary>
    public bool CacheTransforms { get; init; } = true;

    /// <summary>
    /// The collection run once every cache has synced and once the first pass over every Rollout has drained, to return
    /// the garbage of the initial lists to the operating system (see <see cref="HeapCompaction"/>).
    /// </summary>
    public HeapCompaction StartupCompaction { get; init; } = HeapCompaction.Aggressive;

    /// <summary>How long a reconcile waits for a provider and how many provider queries run at once in the background.</summary>
    public MeasurementRunnerOptions Measurements { get; init; } = new();
}
