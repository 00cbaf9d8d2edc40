using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Simulation;
using RolloutOperator.ApiEmulator.Storage;
using RolloutOperator.ApiEmulator.Watch;

namespace RolloutOperator.ApiEmulator;

/// <summary>
/// A stand-in for the Deployment controller (no ReplicaSets or Pods): when a Deployment's
/// generation changes it reports progress, and after the ready delay reports all replicas
/// ready and available, writing /status through the same storage so watches see it.
/// Deployments whose pod template matches a crash-loop rule never become ready.
/// </summary>
public sealed class DeploymentSimulator : IFollowUpListener, IDisposable
{
    private const string Resource = "deployments.apps";
    private static readonly WriteOptions Controller = new("kube-controller-manager");
    private readonly Lock _gate = new();
    private readonly ResourceApi _api;
    private readonly Dictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private readonly List<Func<JsonObject, bool>> _crashLooping = [];
    private TimeSpan _readyDelay;
    private bool _disposed;

    internal DeploymentSimulator(ResourceApi api, TimeSpan readyDelay)
    {
        _api = api;
        _readyDelay = readyDelay;
    }

    public TimeSpan ReadyDelay
    {
        get
        {
            lock (_gate)
            {
                return _readyDelay;
            }
        }
    }

    /// <summary>Delay for changes made from now on.</summary>
    public void SetReadyDelay(TimeSpan delay)
    {
        lock (_gate)
        {
            _readyDelay = delay;
        }
    }

    /// <summary>Deployments whose spec.template matches never get ready replicas (pods crash-loop).</summary>
    public void MarkCrashLooping(Func<JsonObject, bool> podTemplate)
    {
        lock (_gate)
        {
            _crashLooping.Add(podTemplate);
        }

        ResyncAll();
    }

    public void MarkCrashLoopingImage(string image) =>
        MarkCrashLooping(t => JsonTree.Objects(t["spec"]?["containers"]).Any(c => JsonTree.Str(c, "image") == image));

    public void MarkCrashLoopingLabel(string key, string value) =>
        MarkCrashLooping(t => JsonTree.Str(t["metadata"]?["labels"], key) == value);

    public void ClearCrashLooping()
    {
        lock (_gate)
        {
            _crashLooping.Clear();
        }

        ResyncAll();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }
    }

    void IFollowUpListener.OnCommitted(StoredEvent committed)
    {
        if (committed.GroupResource != Resource)
        {
            return;
        }

        var uid = JsonTree.Uid(committed.Object)!;
        if (committed.Type == "DELETED")
        {
            CancelTimer(uid);
            return;
        }

        var generation = JsonTree.Long(committed.Object["metadata"]?["generation"]);
        if (JsonTree.Long(committed.Object["status"]?["observedGeneration"]) != generation)
        {
            var templateChanged = committed.Previous is null ||
                !JsonNode.DeepEquals(committed.Previous["spec"]?["template"], committed.Object["spec"]?["template"]);
            Progress(committed.Object, templateChanged);
        }
    }

    private void Progress(JsonObject deployment, bool templateChanged)
    {
        var uid = JsonTree.Uid(deployment)!;
        var spec = JsonTree.Long(deployment["spec"]?["replicas"]) ?? 1;
        var crashLooping = IsCrashLooping(deployment);
        var delay = ReadyDelay;
        CancelTimer(uid);
        if (crashLooping)
        {
            WriteStatus(deployment, d => DeploymentStatus.Build(d, spec, 0, _api.Context.Now(), d["status"] as JsonObject));
            var deadline = TimeSpan.FromSeconds(JsonTree.Long(deployment["spec"]?["progressDeadlineSeconds"]) ?? 600);
            Schedule(uid, deadline, () => WriteStatus(deployment, d => DeploymentStatus.Build(d, spec, 0, _api.Context.Now(), d["status"] as JsonObject, deadlineExceeded: true)));
            return;
        }

        if (delay <= TimeSpan.Zero || spec == 0)
        {
            WriteReady(deployment);
            return;
        }

        var previousReady = JsonTree.Long(deployment["status"]?["readyReplicas"]) ?? 0;
        WriteStatus(deployment, d => DeploymentStatus.Build(d, templateChanged ? 0 : spec, Math.Min(previousReady, spec), _api.Context.Now(), d["status"] as JsonObject));
        Schedule(uid, delay, () => WriteReady(deployment));
    }

    private void WriteReady(JsonObject deployment) =>
        WriteStatus(deployment, d =>
        {
            var spec = JsonTree.Long(d["spec"]?["replicas"]) ?? 1;
            return DeploymentStatus.Build(d, spec, spec, _api.Context.Now(), d["status"] as JsonObject);
        });

    /// <summary>Writes status on the latest version of the same object and generation; stale work is dropped.</summary>
    private void WriteStatus(JsonObject snapshot, Func<JsonObject, JsonObject> status)
    {
        var type = _api.Context.Registry.FindByGroupResource(Resource)!;
        _api.Run(() =>
        {
            lock (_api.Context.Store.Gate)
            {
                var current = _api.Context.Store.Get(Resource, JsonTree.Namespace(snapshot), JsonTree.Name(snapshot)!);
                if (current is null || JsonTree.Uid(current) != JsonTree.Uid(snapshot) ||
                    JsonTree.Long(current["metadata"]?["generation"]) != JsonTree.Long(snapshot["metadata"]?["generation"]))
                {
                    return 0;
                }

                var desired = JsonTree.CloneObject(current);
                desired["status"] = status(current);
                _api.Writer.Update(type, current, desired, "status", Controller);
                return 0;
            }
        });
    }

    private bool IsCrashLooping(JsonObject deployment)
    {
        var template = deployment["spec"]?["template"] as JsonObject ?? [];
        lock (_gate)
        {
            return _crashLooping.Any(p => p(template));
        }
    }

    private void Schedule(string uid, TimeSpan delay, Action work)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _timers[uid] = _api.Context.Time.CreateTimer(_ => RunTimer(uid, work), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void RunTimer(string uid, Action work)
    {
        lock (_gate)
        {
            if (_disposed || !_timers.Remove(uid, out var timer))
            {
                return;
            }

            timer.Dispose();
        }

        try
        {
            work();
        }
        catch (ApiException)
        {
            // The object changed or vanished meanwhile; the next change schedules new work.
        }
    }

    private void CancelTimer(string uid)
    {
        lock (_gate)
        {
            if (_timers.Remove(uid, out var timer))
            {
                timer.Dispose();
            }
        }
    }

    private void ResyncAll()
    {
        foreach (var (_, deployment) in _api.Context.Store.List(Resource, null))
        {
            Progress(deployment, templateChanged: false);
        }
    }
}
