namespace RolloutOperator.ApiEmulator.Resources;

/// <summary>Built-in resource types plus the ones contributed by stored CRDs (keyed by CRD name).</summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<ResourceType> _builtIns = BuiltInResources.Create();
    private readonly Dictionary<string, IReadOnlyList<ResourceType>> _crds = new(StringComparer.Ordinal);

    public ResourceType? Find(string group, string version, string plural)
    {
        lock (_gate)
        {
            return All().FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);
        }
    }

    public ResourceType? FindByGroupResource(string groupResource)
    {
        lock (_gate)
        {
            return All().FirstOrDefault(t => t.GroupResource == groupResource);
        }
    }

    public IReadOnlyList<ResourceType> Snapshot()
    {
        lock (_gate)
        {
            return All().ToList();
        }
    }

    public void SetCrd(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (_gate)
        {
            _crds[crdName] = types;
        }
    }

    public void RemoveCrd(string crdName)
    {
        lock (_gate)
        {
            _crds.Remove(crdName);
        }
    }

    private IEnumerable<ResourceType> All() => _builtIns.Concat(_crds.Values.SelectMany(v => v));
}
