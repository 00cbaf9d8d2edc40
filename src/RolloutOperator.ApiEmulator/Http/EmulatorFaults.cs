using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Storage;

namespace RolloutOperator.ApiEmulator.Http;

/// <summary>Fault injection for resilience tests. Errors and latency apply to resource requests, not discovery.</summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly ObjectStore _store;
    private readonly TimeProvider _time;
    private readonly List<FaultRule> _rules = [];
    private readonly List<Func<ApiRequest, bool>> _holds = [];
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _latency;

    internal EmulatorFaults(ObjectStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>Ends every open watch stream now (clients see a normal close).</summary>
    public void DropWatches() => _store.DropAllWatchers();

    /// <summary>Compacts the watch history so a watch from any older resourceVersion gets 410 Expired.</summary>
    public void ExpireWatchHistory() => _store.ExpireHistory();

    /// <summary>Fails a fraction of matching requests with 403, 409, 413, 422, 429 (with Retry-After) or 5xx, with a Status body.</summary>
    public void InjectErrors(int statusCode, double rate, Func<ApiRequest, bool>? filter = null, int seed = 1)
    {
        lock (_gate)
        {
            _rules.Add(new FaultRule(statusCode, rate, filter, seed));
        }
    }

    /// <summary>Delays every resource request by this much (measured on the emulator's TimeProvider).</summary>
    public void Latency(TimeSpan latency)
    {
        lock (_gate)
        {
            _latency = latency;
        }
    }

    /// <summary>
    /// Holds matching requests without an answer until <see cref="Clear"/> (or the client gives up), like a network
    /// partition on one path: e.g. only one client's Lease requests.
    /// </summary>
    public void Hold(Func<ApiRequest, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            _holds.Add(filter);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _holds.Clear();
            _latency = TimeSpan.Zero;
            _released.TrySetResult();
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    internal async ValueTask BeforeRequestAsync(ApiRequest request, CancellationToken ct)
    {
        TimeSpan latency;
        FaultRule? firing;
        Task? held;
        lock (_gate)
        {
            latency = _latency;
            firing = _rules.FirstOrDefault(r => r.Fires(request));
            held = _holds.Any(h => h(request)) ? _released.Task : null;
        }

        if (held is not null)
        {
            await held.WaitAsync(ct).ConfigureAwait(false);
        }

        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, _time, ct).ConfigureAwait(false);
        }

        if (firing is not null)
        {
            throw Injected(firing.StatusCode);
        }
    }

    private static ApiException Injected(int code) => code switch
    {
        409 => new ApiException(409, "Conflict", "Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again (injected fault)"),
        403 => new ApiException(403, "Forbidden", "the request is forbidden: the service account may not do this (injected fault)"),
        413 => new ApiException(413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728 (injected fault)"),
        422 => new ApiException(422, "Invalid", "the object is invalid: spec: Invalid value: \"x\": rejected by admission (injected fault)"),
        429 => Errors.TooManyRequests(1),
        503 => new ApiException(503, "ServiceUnavailable", "the server is currently unable to handle the request (injected fault)"),
        504 => new ApiException(504, "Timeout", "the server was unable to return a response in the time allotted (injected fault)"),
        _ => new ApiException(code, "InternalError", "Internal error occurred: injected fault"),
    };
}
