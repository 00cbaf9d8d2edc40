using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Resources;
using RolloutOperator.ApiEmulator.Storage;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>Shared state of one emulator instance.</summary>
internal sealed class ApiContext(ObjectStore store, ResourceRegistry registry, TimeProvider time)
{
    public ObjectStore Store { get; } = store;

    public ResourceRegistry Registry { get; } = registry;

    public TimeProvider Time { get; } = time;

    public string Now() => K8sTime.Format(Time.GetUtcNow());
}
