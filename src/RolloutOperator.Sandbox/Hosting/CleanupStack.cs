namespace RolloutOperator.Sandbox.Hosting;

/// <summary>
/// Things to undo, undone in reverse order. Every step runs even if an earlier one throws, so a failure while stopping
/// one component never leaves a child process or a temp directory behind.
/// </summary>
internal sealed class CleanupStack : IAsyncDisposable
{
    private readonly Stack<Func<ValueTask>> _steps = new();

    public void Push(Func<ValueTask> step) => _steps.Push(step);

    public void Push(IAsyncDisposable disposable) => _steps.Push(disposable.DisposeAsync);

    public void Push(IDisposable disposable) => _steps.Push(() =>
    {
        disposable.Dispose();
        return ValueTask.CompletedTask;
    });

    public async ValueTask DisposeAsync()
    {
        var errors = new List<Exception>();
        while (_steps.TryPop(out var step))
        {
            try
            {
                await step().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Cleanup must continue past any failure; all of them are rethrown together below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                errors.Add(e);
            }
        }

        if (errors.Count > 0)
        {
            throw new AggregateException("sandbox cleanup failed", errors);
        }
    }
}
