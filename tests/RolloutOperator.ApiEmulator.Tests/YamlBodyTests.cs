using System.Net;
using k8s;
using k8s.Models;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

/// <summary>YAML apply bodies are read by the one YAML reader the plugin's lint uses: same typing, same refusals.</summary>
public sealed class YamlBodyTests
{
    [Fact]
    public async Task Apply_YamlWithDuplicateKey_Returns400AndCreatesNothing()
    {
        await using var h = await StartAsync();
        var body = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  key: one\n  key: two\n";

        var error = await ExpectError(() => h.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(body, V1Patch.PatchType.ApplyPatch), "a", "default", fieldManager: "tool-a", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("duplicate key \"key\"", error.Response.Content, StringComparison.Ordinal);
        Assert.Empty((await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Apply_YamlAliasesExpandingPastTheNodeBudget_Returns400()
    {
        await using var h = await StartAsync();
        // Each level repeats the previous one ten times: 10^6 nodes from a few lines.
        var levels = string.Concat(Enumerable.Range(1, 6).Select(i => $"  l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n"));
        var body = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations: {}\nbomb:\n  l0: &l0 x\n" + levels;

        var error = await ExpectError(() => h.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(body, V1Patch.PatchType.ApplyPatch), "a", "default", fieldManager: "tool-a", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("nodes", error.Response.Content, StringComparison.Ordinal);
    }
}
