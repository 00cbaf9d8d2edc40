using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>
/// The operator's Events must be accepted by an API server for any valid Rollout name: the emulator validates
/// <c>generateName</c> and the events.k8s.io fields as the real server does (a "name." prefix used to be refused there).
/// </summary>
public sealed partial class LongNameEventTests : IAsyncLifetime
{
    // 253 characters, the longest valid name, with dots: four 60-character labels and a 9-character one.
    private static readonly string LongName = string.Concat(Enumerable.Repeat(new string('w', 60) + ".", 4)) + "rollout-1";

    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData("web")]
    [InlineData("web.v2")]
    [InlineData("max")]
    public async Task CanaryRollout_AnyValidName_EventsAreStoredWithValidNames(string name)
    {
        name = name == "max" ? LongName : name;
        await _h.CreateServicesAsync("web-stable", "web-canary");
        var manifest = RolloutManifests.Canary(_h.Namespace, "web:1", """[{"setWeight":25},{"pause":{"duration":"1s"}},{"setWeight":50}]""");
        manifest["metadata"]!["name"] = name;
        await _h.CreateRolloutAsync(manifest);
        await ReconcileUntilAsync(name, r => r.Status?.Phase == RolloutPhase.Healthy);

        await _h.PatchRolloutAsync(JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"web:2"}]}}}}""")!.AsObject(), name);
        await ReconcileUntilAsync(name, r => r.Status?.Phase == RolloutPhase.Healthy && r.Status.CanaryRevision is null);

        Assert.DoesNotContain(_h.Emulator.Requests.Writes(), w => w.Request.Resource == "events" && w.StatusCode >= 400);
        var events = await _h.EventsAsync();
        Assert.Equal(3, events.Count(e => (string?)e["reason"] == "StepCompleted"));
        Assert.All(events, e =>
        {
            Assert.Equal(name, (string?)e["regarding"]?["name"]);
            Assert.Matches(ValidEventName(), (string?)e["metadata"]?["name"]);
            Assert.True(((string?)e["metadata"]?["name"])!.Length <= 63);
        });
    }

    private async Task ReconcileUntilAsync(string name, Func<RolloutOperator.Model.Rollout, bool> done)
    {
        for (var i = 0; i < 40; i++)
        {
            var result = await _h.ReconcileAsync(name);
            if (done(await _h.GetRolloutAsync(name)))
            {
                return;
            }

            _h.Clock.Advance(ControllerHarness.Step(result));
        }

        throw new TimeoutException("the rollout did not settle");
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z")]
    private static partial Regex ValidEventName();
}
