using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Cli.Tests.Support;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Tests.Rendering;

/// <summary>`get` shows a webhook gate the rollout waits for: which, what kind, since when, and its last answer.</summary>
public sealed class GateGetRenderTests
{
    [Fact]
    public async Task Get_WaitingGate_ShowsTheGateItsLastAnswerAndTheMessage()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        var status = TestStatuses.CanaryMidStep() with
        {
            Message = "waiting for confirm-promotion gate change-window: HTTP 409 Conflict: window closed",
            Analyses = null,
            Gates =
            [
                new GateStatus
                {
                    Name = "change-window",
                    Type = WebhookType.ConfirmPromotion,
                    Revision = TestRollouts.CanaryRevision,
                    Scope = "promotion",
                    Phase = GatePhase.Waiting,
                    Since = TestStatuses.Now.AddMinutes(-4),
                    Attempts = 8,
                    LastStatusCode = 409,
                    Message = "HTTP 409 Conflict: window closed",
                },
            ],
        };
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), status);

        var result = await cluster.RunAsync(["get", "web"], new FakeTimeProvider(TestStatuses.Now));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Gates:", result.Output, StringComparison.Ordinal);
        Assert.Contains("change-window (confirm-promotion) WAITING since 2026-03-01T11:56:00Z, 8 calls: HTTP 409 Conflict: window closed", result.Output, StringComparison.Ordinal);
        Assert.Contains("waiting for confirm-promotion gate change-window", result.Output, StringComparison.Ordinal);
    }
}
