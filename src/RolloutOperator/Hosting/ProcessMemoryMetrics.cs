using Prometheus;

namespace RolloutOperator.Hosting;

/// <summary>
/// The process's memory as the scale benchmark and capacity planning read it: the managed heap (what the caches and
/// queues hold, as of the last garbage collection) and the working set (what the kubelet counts against the memory
/// limit). Sampled when /metrics is scraped, so they cost nothing between scrapes. Named operator_* because the host
/// exports none of prometheus-net's default process_/dotnet_ families.
/// </summary>
internal static class ProcessMemoryMetrics
{
    public static void Register(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var heap = factory.CreateGauge("operator_managed_heap_bytes", "Managed (GC) heap size after the last garbage collection.");
        var workingSet = factory.CreateGauge("operator_working_set_bytes", "Resident memory (working set) of the operator process.");
        var fullCollections = factory.CreateGauge("operator_gc_full_collections", "Full (generation 2) garbage collections since the process started.");
        registry.AddBeforeCollectCallback(() =>
        {
            heap.Set(GC.GetGCMemoryInfo().HeapSizeBytes);
            workingSet.Set(Environment.WorkingSet);
            fullCollections.Set(GC.CollectionCount(2));
        });
    }
}
