namespace RolloutOperator.Core.Expressions;

// Nested macros over long vectors multiply; a shared step budget keeps one evaluation bounded in time.
internal sealed class Budget(int steps)
{
    private int _remaining = steps;

    public bool TrySpend() => --_remaining >= 0;
}
