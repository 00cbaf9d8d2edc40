using System.Collections.Concurrent;

namespace RolloutOperator.Controller.Analysis.Background;

/// <summary>
/// Addresses whose last measurement outlasted the inline wait. A reconcile does not wait for those at all: a slow or
/// hung provider would otherwise still cost a worker the whole inline wait on every measurement. The first fast answer
/// clears the mark.
/// </summary>
internal sealed class SlowAddresses
{
    private const int MaxAddresses = 1024;
    private readonly ConcurrentDictionary<string, bool> _slow = new(StringComparer.Ordinal);

    public bool IsSlow(string address) => _slow.ContainsKey(address);

    public void Observe(string address, bool slow)
    {
        if (!slow)
        {
            _slow.TryRemove(address, out _);
            return;
        }

        // Addresses come from namespaced objects: forgetting them all costs one inline wait each, never correctness.
        if (_slow.Count >= MaxAddresses)
        {
            _slow.Clear();
        }

        _slow[address] = true;
    }
}
