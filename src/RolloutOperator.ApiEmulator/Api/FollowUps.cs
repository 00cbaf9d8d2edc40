using Microsoft.Extensions.Logging;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Storage;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>Delivers committed events to the simulated controllers.</summary>
internal sealed partial class FollowUps(ObjectStore store, ILogger logger)
{
    private readonly List<IFollowUpListener> _listeners = [];

    public void Add(IFollowUpListener listener) => _listeners.Add(listener);

    public void Drain()
    {
        while (store.TryTakeFollowUp(out var committed))
        {
            foreach (var listener in _listeners)
            {
                try
                {
                    listener.OnCommitted(committed);
                }
                catch (ApiException e)
                {
                    // A controller losing a race (409, 404) simply retries on the next event, like a real one.
                    LogListenerFailed(logger, listener.GetType().Name, e.Code, e.Message);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Follow-up {Listener} failed with {Code}: {Error}")]
    private static partial void LogListenerFailed(ILogger logger, string listener, int code, string error);
}
