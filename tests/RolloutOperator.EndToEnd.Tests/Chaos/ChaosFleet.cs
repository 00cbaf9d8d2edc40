using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Analysis;
using RolloutOperator.EndToEnd.Tests.Support;
using RolloutOperator.Model;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>
/// A fleet of canary Rollouts in one emulator, driven by operator processes (so they can be killed with SIGKILL). The
/// fleet is deployed on revision 1 and healthy before <see cref="StartRolloutAsync"/> moves every member to revision 2
/// at once; <see cref="WaitConvergedAsync"/> then measures how long until every member reached its terminal state.
/// </summary>
internal sealed class ChaosFleet : IAsyncDisposable
{
    private readonly string[] _operatorArgs;
    private readonly Dictionary<string, string> _v1 = new(StringComparer.Ordinal);
    private ObjectRecorder<StatusSample>? _recorder;

    private ChaosFleet(OperatorCluster cluster, IReadOnlyList<FleetMember> members, string[] operatorArgs)
    {
        Cluster = cluster;
        Members = members;
        _operatorArgs = operatorArgs;
    }

    public OperatorCluster Cluster { get; }

    public IReadOnlyList<FleetMember> Members { get; }

    public OperatorProcess? Operator { get; private set; }

    public int Restarts { get; private set; }

    public ApiServerEmulator Emulator => Cluster.Emulator;

    public static async Task<ChaosFleet> DeployAsync(IReadOnlyList<FleetMember> members, Uri prometheus, params string[] extra)
    {
        var cluster = await OperatorCluster.StartAsync();
        string[] args = ["--prometheus-address", prometheus.ToString(), "--log-level", "Warning", .. extra];
        var fleet = new ChaosFleet(cluster, members, args);
        await cluster.ApplyAsync(FleetManifests.All(members));
        return fleet;
    }

    /// <summary>Starts (or restarts, after a kill) the single operator instance.</summary>
    public OperatorProcess StartOperator()
    {
        Restarts += Operator is null ? 0 : 1;
        Operator = Cluster.StartOperatorProcess($"operator-{Restarts}", ["--leader-elect", "false", .. _operatorArgs]);
        return Operator;
    }

    /// <summary>An instance that takes part in leader election on a Lease in the fleet's namespace.</summary>
    public OperatorProcess StartCandidate(string podName, params string[] leaseFlags) =>
        Cluster.StartOperatorProcess(podName, ["--leader-elect", "true", "--leader-election-namespace", Cluster.Namespace, .. leaseFlags, .. _operatorArgs]);

    /// <summary>Waits until every member is healthy on revision 1 and remembers that revision.</summary>
    public async Task WaitFirstRevisionAsync(TimeSpan timeout)
    {
        var all = await OperatorCluster.EventuallyAsync(ListAsync, l => l.Count == Members.Count && l.All(r => RolloutFacts.IsHealthyOn(r)), timeout, "every member healthy on revision 1");
        foreach (var r in all)
        {
            _v1[r.Metadata.Name] = r.Status!.StableRevision!;
        }
    }

    /// <summary>Starts recording every status version, then gives every member revision 2. Returns the clock of the run.</summary>
    public async Task<Stopwatch> StartRolloutAsync()
    {
        _recorder = new ObjectRecorder<StatusSample>(Cluster.Client, ApiGroup.Name, ApiGroup.Version, Cluster.Namespace, "rollouts", Project);
        await Task.Delay(200);
        var clock = Stopwatch.StartNew();
        foreach (var member in Members)
        {
            await Cluster.SetImageAsync(member.Name, $"registry.example/{member.Name}:2");
        }

        return clock;
    }

    public async Task<IReadOnlyList<Rollout>> WaitConvergedAsync(TimeSpan timeout) =>
        await OperatorCluster.EventuallyAsync(ListAsync, l => l.All(IsTerminal), timeout, "every member in its terminal state");

    public string V1(string name) => _v1[name];

    public IReadOnlyList<StatusSample> Samples => _recorder?.Seen ?? [];

    /// <summary>Healthy on a new revision, or (bad members) aborted by their analysis with revision 1 still stable.</summary>
    public bool IsTerminal(Rollout r)
    {
        var member = Members.First(m => m.Name == r.Metadata.Name);
        return member.Bad
            ? RolloutFacts.IsDegradedBy(r, "AnalysisFailed") && r.Status!.StableRevision == _v1[member.Name] && r.Status.CanaryRevision is not null
            : RolloutFacts.IsHealthyOn(r, notRevision: _v1[member.Name]) && r.Status!.CanaryRevision is null;
    }

    public async Task<IReadOnlyList<Rollout>> ListAsync()
    {
        var list = (JsonElement)await Cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync(ApiGroup.Name, ApiGroup.Version, Cluster.Namespace, "rollouts", cancellationToken: OperatorCluster.Ct);
        return [.. list.GetProperty("items").EnumerateArray().Select(i => KubernetesJson.Deserialize<Rollout>(i.GetRawText()))];
    }

    public static StatusSample? Project(JsonObject rollout) =>
        rollout["status"] is JsonObject status && rollout["metadata"] is JsonObject meta
            ? new StatusSample(
                meta["name"]!.GetValue<string>(),
                long.Parse(meta["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                status.Deserialize<RolloutStatus>(ApiJson.Options)!)
            : null;

    public async ValueTask DisposeAsync()
    {
        if (_recorder is not null)
        {
            await _recorder.DisposeAsync();
        }

        await Cluster.DisposeAsync();
    }
}
