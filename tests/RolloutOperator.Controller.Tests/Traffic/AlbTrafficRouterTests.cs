using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.Alb;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Tests.Traffic;

public sealed class AlbTrafficRouterTests(TrafficEmulatorFixture fx) : IClassFixture<TrafficEmulatorFixture>
{
    private static CancellationToken Ct => TrafficEmulatorFixture.Ct;

    private AlbTrafficRouter Router => new(fx.Client, NullLogger<AlbTrafficRouter>.Instance);

    private static TrafficRoutingContext Context(string ns, AlbStickiness? stickiness = null, params string[] ingresses) =>
        TrafficEmulatorFixture.Context(ns, new TrafficRouting
        {
            Alb = new AlbRouting { Ingresses = ingresses.Length == 0 ? ["web-alb"] : [.. ingresses], ServicePort = 8080, Stickiness = stickiness },
        });

    private async Task<string> CreateAsync(string json = AlbIngresses.Web, params string[] names)
    {
        var ns = await fx.NewNamespaceAsync();
        foreach (var name in names.Length == 0 ? ["web-alb"] : names)
        {
            var ingress = KubernetesJson.Deserialize<V1Ingress>(json);
            ingress.Metadata.Name = name;
            await fx.Client.NetworkingV1.CreateNamespacedIngressAsync(ingress, ns, cancellationToken: Ct);
        }

        return ns;
    }

    private async Task<V1Ingress> ReadAsync(string ns, string name = "web-alb") =>
        await fx.Client.NetworkingV1.ReadNamespacedIngressAsync(name, ns, cancellationToken: Ct);

    private static JsonNode Action(V1Ingress ingress) => JsonNode.Parse(ingress.Metadata.Annotations[AlbIngresses.Key])!;

    [Fact]
    public async Task ApplyAsync_Weight_WritesForwardActionOnly_AndObservesIt()
    {
        var ns = await CreateAsync();
        var before = await ReadAsync(ns);

        await Router.ApplyAsync(Context(ns), new DesiredTraffic(20, [], []), Ct);

        var after = await ReadAsync(ns);
        Assert.Equal(
            """{"type":"forward","forwardConfig":{"targetGroups":[{"serviceName":"web-stable","servicePort":"8080","weight":80},{"serviceName":"web-canary","servicePort":"8080","weight":20}]}}""",
            Action(after).ToJsonString());
        var others = after.Metadata.Annotations.Where(a => a.Key != AlbIngresses.Key);
        Assert.Equal(before.Metadata.Annotations.OrderBy(a => a.Key), others.OrderBy(a => a.Key));
        Assert.Equal(KubernetesJson.Serialize(before.Spec), KubernetesJson.Serialize(after.Spec));
        Assert.Equal(before.Metadata.Labels, after.Metadata.Labels);
        Assert.Equal(20, (await Router.ObserveAsync(Context(ns), Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ApplyAsync_Converged_SendsNoWrite()
    {
        var ns = await CreateAsync();
        await Router.ApplyAsync(Context(ns), new DesiredTraffic(40, [], []), Ct);
        var writes = fx.WritesIn(ns);

        await Router.ApplyAsync(Context(ns), new DesiredTraffic(40, [], []), Ct);

        Assert.Equal(writes, fx.WritesIn(ns));
    }

    [Fact]
    public async Task ApplyAsync_Stickiness_WritesTargetGroupStickinessConfig()
    {
        var ns = await CreateAsync();

        await Router.ApplyAsync(Context(ns, new AlbStickiness { Enabled = true, DurationSeconds = 600 }), new DesiredTraffic(10, [], []), Ct);

        Assert.Equal("""{"enabled":true,"durationSeconds":600}""", Action(await ReadAsync(ns))["forwardConfig"]!["targetGroupStickinessConfig"]!.ToJsonString());
    }

    [Fact]
    public async Task ApplyAsync_IngressDoesNotUseTheAction_ThrowsNamingTheIngress()
    {
        var ns = await CreateAsync(AlbIngresses.NoAction);

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ApplyAsync(Context(ns), new DesiredTraffic(10, [], []), Ct));

        Assert.Equal($"Ingress {ns}/web-alb has no path whose backend is Service web-stable with port name use-annotation", error.Message);
        Assert.Null((await ReadAsync(ns)).Metadata.Annotations);
    }

    [Fact]
    public async Task ApplyAsync_TwoIngresses_BothWritten_ObservedOnlyWhenBothAgree()
    {
        var ns = await CreateAsync(AlbIngresses.Web, "web-alb", "web-alb-internal");
        var context = Context(ns, null, "web-alb", "web-alb-internal");
        await Router.ApplyAsync(context, new DesiredTraffic(30, [], []), Ct);
        Assert.Equal(30, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);

        // Someone puts the second Ingress back to all-stable: the routers no longer agree, so there is no observation.
        await Router.ApplyAsync(Context(ns, null, "web-alb-internal"), new DesiredTraffic(0, [], []), Ct);

        Assert.Null(await Router.ObserveAsync(context, Ct));
    }

    [Fact]
    public async Task ObserveAsync_NoActionYet_Null()
    {
        var ns = await CreateAsync();

        Assert.Null(await Router.ObserveAsync(Context(ns), Ct));
    }

    [Fact]
    public async Task ObserveAsync_ControllerEventsOnlyBeforeTheWrite_PendingUntilItReconciles()
    {
        var ns = await CreateAsync();
        var ingress = await ReadAsync(ns);
        await CreateEventAsync(ns, ingress, "Normal", "SuccessfullyReconciled", "Successfully reconciled", DateTime.UtcNow.AddHours(-1));
        await Router.ApplyAsync(Context(ns), new DesiredTraffic(20, [], []), Ct);

        Assert.Null(await Router.ObserveAsync(Context(ns), Ct));

        await CreateEventAsync(ns, ingress, "Normal", "SuccessfullyReconciled", "Successfully reconciled", DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(20, (await Router.ObserveAsync(Context(ns), Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ObserveAsync_ControllerRejectsAfterTheWrite_ThrowsWithItsReason()
    {
        var ns = await CreateAsync();
        await Router.ApplyAsync(Context(ns), new DesiredTraffic(20, [], []), Ct);
        await CreateEventAsync(ns, await ReadAsync(ns), "Warning", "FailedBuildModel", "Failed build model due to invalid action", DateTime.UtcNow.AddMinutes(1));

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ObserveAsync(Context(ns), Ct));

        Assert.Equal($"Ingress {ns}/web-alb: the load balancer controller rejected the action: FailedBuildModel: Failed build model due to invalid action", error.Message);
    }

    [Fact]
    public async Task ResetAsync_AllBackOnStable_MissingIngressIgnored()
    {
        var ns = await CreateAsync();
        await Router.ApplyAsync(Context(ns), new DesiredTraffic(60, [], []), Ct);

        await Router.ResetAsync(Context(ns, null, "web-alb", "gone"), Ct);

        Assert.Equal(0, (await Router.ObserveAsync(Context(ns), Ct))!.CanaryWeight);
        Assert.Equal(100, Action(await ReadAsync(ns))["forwardConfig"]!["targetGroups"]![0]!["weight"]!.GetValue<int>());
    }

    [Fact]
    public async Task ApplyAsync_ConflictOnFirstWrite_ReReadsAndConverges()
    {
        var ns = await CreateAsync();
        var fired = 0;
        fx.Emulator.Faults.InjectErrors(409, 1.0, r => r.Namespace == ns && r.Verb == "patch" && Interlocked.Increment(ref fired) == 1);
        try
        {
            await Router.ApplyAsync(Context(ns), new DesiredTraffic(25, [], []), Ct);
        }
        finally
        {
            fx.Emulator.Faults.Clear();
        }

        Assert.True(fired >= 2);
        Assert.Equal(25, (await Router.ObserveAsync(Context(ns), Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ApplyAsync_StaleResourceVersion_IsRefusedByTheServer_NotOverwritten()
    {
        // The merge patch carries the resourceVersion the router read: a server that moved on answers 409, so a
        // concurrent edit is never silently overwritten.
        var ns = await CreateAsync();
        var stale = (await ReadAsync(ns)).Metadata.ResourceVersion;
        var touched = await ReadAsync(ns);
        touched.Metadata.Annotations["team"] = "search";
        await fx.Client.NetworkingV1.ReplaceNamespacedIngressAsync(touched, "web-alb", ns, cancellationToken: Ct);
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = stale, ["annotations"] = new JsonObject { [AlbIngresses.Key] = "x" } },
        }.ToJsonString();

        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => fx.Client.NetworkingV1.PatchNamespacedIngressAsync(
            new V1Patch(patch, V1Patch.PatchType.MergePatch), "web-alb", ns, cancellationToken: Ct));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, error.Response.StatusCode);
        await Router.ApplyAsync(Context(ns), new DesiredTraffic(25, [], []), Ct);
        Assert.Equal("search", (await ReadAsync(ns)).Metadata.Annotations["team"]);
    }

    private async Task CreateEventAsync(string ns, V1Ingress ingress, string type, string reason, string message, DateTime at)
    {
        var e = new Corev1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = "web-alb-", NamespaceProperty = ns },
            InvolvedObject = new V1ObjectReference { Kind = "Ingress", Name = ingress.Metadata.Name, NamespaceProperty = ns, Uid = ingress.Metadata.Uid, ApiVersion = "networking.k8s.io/v1" },
            Source = new V1EventSource { Component = "ingress" },
            Type = type,
            Reason = reason,
            Message = message,
            FirstTimestamp = at,
            LastTimestamp = at,
            Count = 1,
        };
        await fx.Client.CoreV1.CreateNamespacedEventAsync(e, ns, cancellationToken: Ct);
    }
}
