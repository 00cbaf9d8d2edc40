using System.Collections.Frozen;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.Traffic;

/// <summary>
/// The registered traffic routers by unique name. An unknown name finds nothing: the parser turns that into InvalidSpec
/// through <see cref="Capabilities"/>, never into a silent default router.
/// </summary>
internal sealed class TrafficRouterRegistry
{
    private readonly FrozenDictionary<string, ITrafficRouter> _routers;

    public TrafficRouterRegistry(IEnumerable<ITrafficRouter> routers)
    {
        ArgumentNullException.ThrowIfNull(routers);
        var byName = new Dictionary<string, ITrafficRouter>(StringComparer.Ordinal);
        foreach (var router in routers)
        {
            if (!byName.TryAdd(router.Name, router))
            {
                throw new ArgumentException($"traffic router name \"{router.Name}\" is registered twice", nameof(routers));
            }
        }

        _routers = byName.ToFrozenDictionary(StringComparer.Ordinal);
        Capabilities = _routers.ToFrozenDictionary(r => r.Key, r => r.Value.Capabilities, StringComparer.Ordinal);
    }

    /// <summary>Router name → capabilities, for <see cref="ParseContext.Routers"/>.</summary>
    public IReadOnlyDictionary<string, RouterCapabilities> Capabilities { get; }

    public ITrafficRouter? Find(string name) => _routers.GetValueOrDefault(name);
}
