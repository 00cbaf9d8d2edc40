using System.Collections.Concurrent;
using RolloutOperator.Runtime.Controllers;

namespace RolloutOperator.Runtime.Tests.Controllers;

/// <summary>Reconciler whose behaviour is a function of (key, attempt number); counts calls per key.</summary>
internal sealed class ScriptedReconciler(Func<string, int, CancellationToken, Task<ReconcileResult>> script)
    : IReconciler<string>
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public int Calls(string key) => _calls.GetValueOrDefault(key);

    public Task<ReconcileResult> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var attempt = _calls.AddOrUpdate(key, 1, (_, n) => n + 1);
        return script(key, attempt, cancellationToken);
    }
}
