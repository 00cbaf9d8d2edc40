using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Status;

/// <summary>
/// The largest status the CRD allows (16 analyses × 32 metrics × 10 measurements, every string at its maximum length)
/// is tens of megabytes, far beyond what the API server stores for one object (≈1.5 MiB). What the operator writes must
/// stay within the CRD's bounds and under the status budget, whatever the spec made Core produce.
/// </summary>
public sealed class StatusBudgetTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Fit_CrdMaximumEverywhere_StaysUnderTheBudgetWithinCrdBoundsAndKeepsVerdicts()
    {
        var largest = Largest();
        Assert.True(StatusBudget.Size(largest) > 16 * 1024 * 1024, $"the unbounded status is {StatusBudget.Size(largest)} bytes");

        var fitted = StatusBudget.Fit(largest);

        Assert.InRange(StatusBudget.Size(fitted), 0, StatusBudget.MaxBytes);
        Assert.Equal(16, fitted.Analyses!.Count);
        Assert.All(fitted.Analyses, a =>
        {
            Assert.Equal(32, a.Metrics.Count);
            Assert.All(a.Metrics, m =>
            {
                Assert.Equal((3, 2, 1, 4, 4), (m.Successful, m.Failed, m.Inconclusive, m.Error, m.ConsecutiveErrors));
                Assert.Equal(At.AddMinutes(9), Assert.Single(m.Measurements).At);
            });
        });
        AssertWithinCrdBounds(fitted);
    }

    [Fact]
    public void Fit_UsualStatus_IsUnchanged()
    {
        var usual = Largest(analyses: 2, metrics: 2, text: 200);

        Assert.Equal(ApiJson.Serialize(usual), ApiJson.Serialize(StatusBudget.Fit(usual)));
    }

    [Fact]
    public void Fit_TextLongerThanTheCrdAllows_IsCutToTheCrdLength()
    {
        var status = new RolloutStatus { Message = new string('m', 10_000), History = [new RevisionHistoryEntry { Revision = "r", Message = new string('h', 5000), At = At }] };

        var fitted = StatusBudget.Fit(status);

        Assert.Equal(4096, fitted.Message!.Length);
        Assert.EndsWith("…", fitted.Message, StringComparison.Ordinal);
        Assert.Equal(1024, fitted.History![0].Message!.Length);
    }

    [Fact]
    public async Task WriteAsync_LargestStatus_WhatTheApiStoresIsUnderTheBudget()
    {
        await using var h = await ControllerHarness.StartAsync();
        await h.CreateRolloutAsync(RolloutManifests.Canary(h.Namespace, "web:1"));
        var rollout = await h.GetRolloutAsync();

        await new StatusWriter(h.Client).WriteAsync(rollout, Largest(), CancellationToken.None);

        var stored = (JsonElement)await h.Client.CustomObjects.GetNamespacedCustomObjectAsync(
            ApiResources.Rollouts.Group, ApiResources.Rollouts.Version, h.Namespace, ApiResources.Rollouts.Plural, RolloutManifests.Name);
        var status = JsonNode.Parse(stored.GetRawText())!["status"]!.ToJsonString();
        Assert.InRange(Encoding.UTF8.GetByteCount(status), 1, StatusBudget.MaxBytes);
    }

    private static void AssertWithinCrdBounds(RolloutStatus status)
    {
        Assert.InRange(status.Message!.Length, 0, 4096);
        Assert.All(status.Conditions!, c => Assert.InRange(c.Message.Length, 0, 32768));
        Assert.InRange(status.History!.Count, 0, 20);
        Assert.All(status.History, h => Assert.InRange(h.Message?.Length ?? 0, 0, 1024));
        Assert.All(status.Analyses!.SelectMany(a => a.Metrics).SelectMany(m => m.Measurements), m =>
        {
            Assert.InRange(m.Query?.Length ?? 0, 0, 8192);
            Assert.InRange(m.Value?.Length ?? 0, 0, 1024);
            Assert.InRange(m.Message?.Length ?? 0, 0, 1024);
        });
    }

    /// <summary>Every list at its CRD maxItems and every string at its CRD maxLength (by default).</summary>
    private static RolloutStatus Largest(int analyses = 16, int metrics = 32, int? text = null) => new()
    {
        Message = Text(text ?? 4096),
        Conditions = [.. Enumerable.Range(0, 8).Select(i => new Condition { Type = $"Type{i}", Status = ConditionStatus.True, Reason = "Reason", Message = Text(text ?? 32768), LastTransitionTime = At })],
        History = [.. Enumerable.Range(0, 20).Select(i => new RevisionHistoryEntry { Revision = Text(63), Outcome = RevisionOutcome.Aborted, At = At, Message = Text(text ?? 1024) })],
        ScaleDowns = [.. Enumerable.Range(0, 16).Select(i => new ScaleDownStatus { Revision = $"{i}{Text(60)}", At = At })],
        Traffic = new TrafficStatus { DesiredWeight = 50, HeaderRoutes = [.. Enumerable.Range(0, 16).Select(i => $"route-{i}")] },
        Abort = new AbortStatus { Revision = Text(63), Reason = "AnalysisFailed", Message = Text(text ?? 4096), At = At },
        Analyses = [.. Enumerable.Range(0, analyses).Select(a => new AnalysisRunStatus
        {
            Key = $"step-{a}",
            Revision = Text(63),
            Phase = AnalysisPhase.Running,
            StartedAt = At,
            Message = Text(text ?? 4096),
            Metrics = [.. Enumerable.Range(0, metrics).Select(m => new MetricStatus
            {
                Name = $"metric-{m}",
                Phase = AnalysisPhase.Running,
                Successful = 3,
                Failed = 2,
                Inconclusive = 1,
                Error = 4,
                ConsecutiveErrors = 4,
                Message = Text(text ?? 4096),
                Measurements = [.. Enumerable.Range(0, 10).Select(i => new Measurement
                {
                    Phase = AnalysisPhase.Error,
                    At = At.AddMinutes(i),
                    Value = Text(text ?? 1024),
                    Query = Text(text ?? 8192),
                    Message = Text(text ?? 1024),
                })],
            })],
        })],
    };

    private static string Text(int length) => new('x', length);
}
