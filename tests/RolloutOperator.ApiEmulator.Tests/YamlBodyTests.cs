using System.Net;
using k8s;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

/// <summary>YAML apply bodies are read by the one YAML reader the plugin's lint uses: same typing, same refusals.</summary>
public sealed class YamlBodyTests
{
    private const string ConfigMapA = "/api/v1/namespaces/default/configmaps/a?fieldManager=tool-a";

    private const string DuplicateKeyBody = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  key: one\n  key: two\n";

    [Fact]
    public async Task Apply_YamlWithDuplicateKey_StrictFieldValidation_Returns400AndCreatesNothing()
    {
        await using var h = await StartAsync();

        var (code, status) = await RawApi.SendAsync(h.Emulator, HttpMethod.Patch, ConfigMapA + "&fieldValidation=Strict", DuplicateKeyBody, "application/apply-patch+yaml");

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("duplicate key \"key\"", (string?)status["message"], StringComparison.Ordinal);
        Assert.Empty((await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Apply_YamlWithDuplicateKey_DefaultFieldValidation_AcceptedWithTheLastValue()
    {
        // The API server's default field validation (Warn) reports a duplicate field and applies the body.
        await using var h = await StartAsync();

        var (code, _) = await RawApi.SendAsync(h.Emulator, HttpMethod.Patch, ConfigMapA, DuplicateKeyBody, "application/apply-patch+yaml");

        Assert.True((int)code is >= 200 and < 300, $"apply answered {code}");
        var created = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default", cancellationToken: Ct);
        Assert.Equal("two", created.Data["key"]);
    }

    [Fact]
    public async Task Apply_YamlAliasesExpandingPastTheNodeBudget_Returns400()
    {
        await using var h = await StartAsync();
        // Each level repeats the previous one ten times: 10^6 nodes from a few lines.
        var levels = string.Concat(Enumerable.Range(1, 6).Select(i => $"  l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n"));
        var body = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nbomb:\n  l0: &l0 x\n" + levels;

        var (code, status) = await RawApi.SendAsync(h.Emulator, HttpMethod.Patch, ConfigMapA, body, "application/apply-patch+yaml");

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("more than 100000 nodes", (string?)status["message"], StringComparison.Ordinal);
        Assert.Empty((await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Items);
    }
}
