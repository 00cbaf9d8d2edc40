using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using RolloutOperator.Model;
using RolloutOperator.Testing;
using static RolloutOperator.EndToEnd.Tests.Analysis.RolloutFacts;

namespace RolloutOperator.EndToEnd.Tests.Scenarios;

/// <summary>
/// A namespace editor cannot borrow the operator's identity: no file is read and no address contacted because a
/// namespaced spec asked; and no secret value reaches anything the operator writes (status, events, any object, logs).
/// </summary>
public sealed class SecurityEndToEndTests
{
    private const string Tenant = "tenant-7Qz(";
    private const string Token = "bearer-tok-5Kp2x9";
    private const string User = "svc-user-83kd";
    private const string Password = "pw-Jt4v-19mQ";

    [Fact]
    public async Task NamespacedRolloutAskingForOperatorFileOrForeignHost_IsInvalidSpecAndNothingIsReadOrContacted()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        using var listener = new ConnectionRecorder();
        var dir = Directory.CreateTempSubdirectory("operator-secrets-").FullName;
        var tokenFile = Path.Combine(dir, "token");
        await File.WriteAllTextAsync(tokenFile, "operator-own-service-account-token");
        try
        {
            // Even inside the admin's allowed directory: a namespaced object never names files.
            await cluster.StartOperatorAsync("operator-0", "--credential-file-dirs", dir, "--prometheus-allowed-hosts", "prometheus.monitoring:9090");
            await cluster.ApplyAsync(TestManifests.Services("thief"));
            await cluster.ApplyAsync(Rollout("thief", $"authentication: {{bearerTokenFile: {tokenFile}}}", listener.Address));
            await cluster.ApplyAsync(TestManifests.Services("probe"));
            await cluster.ApplyAsync(Rollout("probe", "", listener.Address));

            var thief = await cluster.WaitForRolloutAsync("thief", IsInvalid, "InvalidSpec for the token file", 30);
            var probe = await cluster.WaitForRolloutAsync("probe", IsInvalid, "InvalidSpec for the foreign host", 30);

            Assert.Contains(
                $"spec.strategy.canary.steps[1].analysis.metrics[0].provider.prometheus.authentication.bearerTokenFile: file credentials are accepted only from ClusterAnalysisTemplates",
                ConditionOf(thief, "InvalidSpec")!.Message,
                StringComparison.Ordinal);
            Assert.Contains(
                $"spec.strategy.canary.steps[1].analysis.metrics[0].provider.prometheus.address: address {listener.Address} is not allowed",
                ConditionOf(probe, "InvalidSpec")!.Message,
                StringComparison.Ordinal);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(0, listener.Connections);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task SecretBackedArgsAndAuth_EchoedBackInErrors_NeverAppearInAnythingTheOperatorWrote()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await using var prometheus = await PrometheusServer.StartAsync(["127.0.0.1:1"], OperatorCluster.Ct);
        await using var echo = await EchoingPrometheus.StartAsync();
        await cluster.Client.CoreV1.CreateNamespacedSecretAsync(AnalysisSecret(), cluster.Namespace, cancellationToken: OperatorCluster.Ct);
        await cluster.ApplyAsync(string.Join("\n---\n", TestManifests.Services(), LeakyTemplate(echo.Address), TestManifests.Canary(TestManifests.NoRouting, LeakySteps)));
        var process = cluster.StartOperatorProcess("operator-0", "--leader-elect", "false", "--prometheus-address", prometheus.Address.ToString(), "--log-level", "Debug");
        var v1 = (await cluster.WaitForRolloutAsync("web", r => IsHealthyOn(r), "first revision healthy", 60)).Status!.StableRevision!;

        await cluster.SetImageAsync("web", "registry.example/web:2");
        var aborted = await cluster.WaitForRolloutAsync("web", r => IsDegradedBy(r, "AnalysisFailed"), "abort by the failing analysis", 60);

        // The secrets did travel where they belong: to the endpoint, in the query and the Authorization header.
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        Assert.Contains($"Bearer {Token}", echo.Authorizations);
        Assert.Contains($"Basic {basic}", echo.Authorizations);
        var written = await EverythingWrittenAsync(cluster, process);
        Assert.Contains(written, w => w.Where == "log" && w.Text.Contains(SecretScrubberMask, StringComparison.Ordinal));
        var metrics = aborted.Status!.Analyses!.SelectMany(a => a.Metrics).ToList();
        Assert.All(metrics.Where(m => m.Name is "bearer" or "basic"), m => Assert.Contains(m.Measurements, x => x.Message?.Contains(SecretScrubberMask, StringComparison.Ordinal) == true));
        Assert.Contains(metrics, m => m.Name == "regex" && m.Measurements.Count > 0);
        foreach (var secret in new[] { Tenant, Token, User, Password, basic })
        {
            Assert.All(written, w => Assert.False(w.Text.Contains(secret, StringComparison.Ordinal), $"{secret} found in {w.Where}"));
        }

        Assert.NotEqual(v1, aborted.Status.CanaryRevision);
    }

    private const string SecretScrubberMask = RolloutOperator.Controller.Analysis.SecretScrubber.Mask;

    private static bool IsInvalid(Rollout r) => ConditionOf(r, "InvalidSpec") is { Status: ConditionStatus.True };

    private static string Rollout(string app, string auth, Uri address) => TestManifests.Canary(TestManifests.NoRouting, $$"""
                - setWeight: 20
                - analysis:
                    metrics:
                      - name: steal
                        successCondition: result >= 0
                        provider:
                          prometheus:
                            address: {{address}}
                            query: up
                            {{auth}}
        """, app);

    private const string LeakySteps = """
                - setWeight: 20
                - analysis:
                    templates: [{templateName: leaky}]
        """;

    // Three metrics, each made to fail with an error that echoes what it was sent: a real Prometheus given an invalid
    // regex from a Secret-backed argument, and an echoing endpoint given a Secret-backed bearer token and basic auth.
    private static string LeakyTemplate(Uri echo) => $$$"""
        apiVersion: rollout-operator.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: leaky}
        spec:
          args:
            - name: tenant
              valueFrom: {secretKeyRef: {name: analysis-secrets, key: tenant}}
          metrics:
            - name: regex
              interval: 1s
              count: 5
              consecutiveErrorLimit: 2
              successCondition: result >= 0
              provider:
                prometheus:
                  query: 'up{tenant=~"{{args.tenant}}"}'
            - name: bearer
              interval: 1s
              count: 5
              consecutiveErrorLimit: 2
              successCondition: result >= 0
              provider:
                prometheus:
                  address: {{{echo}}}
                  query: 'up{tenant="{{args.tenant}}"}'
                  authentication: {bearerTokenSecretRef: {name: analysis-secrets, key: token}}
            - name: basic
              interval: 1s
              count: 5
              consecutiveErrorLimit: 2
              successCondition: result >= 0
              provider:
                prometheus:
                  address: {{{echo}}}
                  query: 'up{tenant="{{args.tenant}}"}'
                  authentication:
                    basic:
                      usernameSecretRef: {name: analysis-secrets, key: user}
                      passwordSecretRef: {name: analysis-secrets, key: password}
        """;

    private static V1Secret AnalysisSecret() => new()
    {
        Metadata = new V1ObjectMeta { Name = "analysis-secrets" },
        StringData = new Dictionary<string, string> { ["tenant"] = Tenant, ["token"] = Token, ["user"] = User, ["password"] = Password },
    };

    /// <summary>
    /// Every object of every resource the operator wrote to (read back whole, with status), every Event in the
    /// namespace, and the operator process's output.
    /// </summary>
    private static async Task<List<(string Where, string Text)>> EverythingWrittenAsync(OperatorCluster cluster, OperatorProcess process)
    {
        using var http = new HttpClient { BaseAddress = cluster.Emulator.BaseAddress };
        var collections = cluster.Emulator.Requests.Writes()
            .Where(w => w.UserAgent?.StartsWith("rollout-operator/", StringComparison.Ordinal) == true && w.Request.Resource is not null)
            .Select(w => Collection(w.Request.Group, w.Request.Version!, w.Request.Namespace, w.Request.Resource!))
            .Append($"/api/v1/namespaces/{cluster.Namespace}/events")
            .Append($"/apis/events.k8s.io/v1/namespaces/{cluster.Namespace}/events")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Contains(collections, c => c.EndsWith("/rollouts", StringComparison.Ordinal));
        var written = new List<(string, string)>();
        foreach (var collection in collections)
        {
            written.Add((collection, await http.GetStringAsync(new Uri(collection, UriKind.Relative), OperatorCluster.Ct)));
        }

        written.Add(("log", process.Log));
        return written;
    }

    private static string Collection(string? group, string version, string? ns, string resource)
    {
        var root = string.IsNullOrEmpty(group) ? $"/api/{version}" : $"/apis/{group}/{version}";
        return ns is null ? $"{root}/{resource}" : $"{root}/namespaces/{ns}/{resource}";
    }
}
