using System.Net;
using k8s;
using k8s.Models;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

public sealed class DiscoveryAndEventTests
{
    [Fact]
    public async Task Discovery_CoreAndGroups_ListServedResources()
    {
        await using var h = await StartAsync();
        await h.Emulator.InstallCustomResourceDefinitionsAsync(GatewayCrds, Ct);

        var core = await h.Client.CoreV1.GetAPIResourcesAsync(cancellationToken: Ct);
        var apps = await h.Client.AppsV1.GetAPIResourcesAsync(cancellationToken: Ct);
        var groups = await h.Client.Apis.GetAPIVersionsAsync(cancellationToken: Ct);
        var version = await h.Client.Version.GetCodeAsync(cancellationToken: Ct);

        Assert.Contains(core.Resources, r => r.Name == "configmaps" && r.Namespaced);
        Assert.Contains(apps.Resources, r => r.Name == "deployments/scale" && r.Kind == "Scale");
        Assert.Contains(groups.Groups, g => g.Name == "gateway.networking.k8s.io");
        Assert.Equal("1", version.Major);
    }

    [Fact]
    public async Task Event_EventTimeWithoutFraction_Returns422()
    {
        await using var h = await StartAsync();
        // KubernetesClient writes a whole-second MicroTime without fractional digits.
        var ev = WholeSecondEvent();

        var error = await ExpectError(() => h.Client.EventsV1.CreateNamespacedEventAsync(ev, "default", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Contains(KubernetesJson.Deserialize<V1Status>(error.Response.Content).Details.Causes, c => c.Field == "eventTime");
    }

    [Fact]
    public async Task Event_EventTimeWithMicroseconds_IsCreated()
    {
        await using var h = await StartAsync();
        var body = "{\"apiVersion\":\"events.k8s.io/v1\",\"kind\":\"Event\",\"metadata\":{\"name\":\"e1\"},\"eventTime\":\"2025-01-01T00:00:00.000001Z\","
            + "\"reason\":\"Promoted\",\"action\":\"Promote\",\"type\":\"Normal\",\"reportingController\":\"rollouts.example.com/controller\",\"reportingInstance\":\"pod-1\"}";

        var created = await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            System.Text.Json.JsonDocument.Parse(body).RootElement, "events.k8s.io", "v1", "default", "events", cancellationToken: Ct);

        Assert.NotNull(created);
    }

    private static Eventsv1Event WholeSecondEvent() =>
        new()
        {
            Metadata = new V1ObjectMeta { Name = "e1" },
            EventTime = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Reason = "Promoted",
            Action = "Promote",
            Type = "Normal",
            ReportingController = "rollouts.example.com/controller",
            ReportingInstance = "pod-1",
        };
}
