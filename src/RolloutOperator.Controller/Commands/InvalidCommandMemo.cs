using System.Collections.Concurrent;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Commands;

/// <summary>Reports a malformed command annotation once per value, not on every reconcile that sees it again.</summary>
internal sealed class InvalidCommandMemo
{
    private readonly ConcurrentDictionary<ObjectKey, string> _reported = new();

    public bool ShouldReport(ObjectKey key, string annotation)
    {
        if (_reported.TryGetValue(key, out var previous) && previous == annotation)
        {
            return false;
        }

        _reported[key] = annotation;
        return true;
    }

    public void Forget(ObjectKey key) => _reported.TryRemove(key, out _);
}
