using System.Text;
using k8s;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Support.TestManifests;

namespace RolloutOperator.EndToEnd.Tests.Hostile;

/// <summary>
/// One Rollout nested deeper than the client's decoder allows (its template preserves unknown fields, and the API
/// server accepts deep JSON) used to make the whole typed list fail, so the informer never synced and no Rollout was
/// reconciled. Now it is skipped with a Warning Event and every other Rollout works.
/// </summary>
public sealed class UndecodableRolloutEndToEndTests
{
    [Fact]
    public async Task DeepRolloutBesideAGoodOne_GoodOneRollsOut_DeepOneGetsAnInvalidObjectEvent()
    {
        await using var cluster = await OperatorCluster.StartAsync();
        await cluster.ApplyAsync(Services() + "\n---\n" + Canary(NoRouting) + "\n---\n" + Services("deep"));
        await CreateDeepRolloutAsync(cluster, "deep", depth: 80);
        await cluster.StartOperatorAsync();

        var v1 = (await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy, "good Rollout healthy")).Status!.StableRevision;
        await cluster.SetImageAsync("web", "registry.example/web:2");
        await cluster.WaitForRolloutAsync("web", r => r.Status?.Phase == RolloutPhase.Healthy && r.Status.StableRevision != v1, "good Rollout promoted a new revision");

        var warning = await OperatorCluster.EventuallyAsync(
            async () => (await cluster.Client.EventsV1.ListNamespacedEventAsync(cluster.Namespace, cancellationToken: OperatorCluster.Ct)).Items
                .FirstOrDefault(e => e.Reason == "InvalidObject" && e.Regarding.Name == "deep"),
            e => e is not null,
            TimeSpan.FromSeconds(30),
            "InvalidObject event on the deep Rollout");
        Assert.Equal("Warning", warning!.Type);
        Assert.Contains("depth", warning.Note, StringComparison.OrdinalIgnoreCase);
        Assert.Null(await cluster.FindDeploymentAsync("deep"));
        Assert.Empty((await cluster.Client.AppsV1.ListNamespacedDeploymentAsync(cluster.Namespace, labelSelector: "rollout-operator.io/rollout=deep", cancellationToken: OperatorCluster.Ct)).Items);
    }

    /// <summary>Raw HTTP: the client refuses to serialize JSON deeper than 64 levels, an API server accepts it.</summary>
    private static async Task CreateDeepRolloutAsync(OperatorCluster cluster, string name, int depth)
    {
        var nested = new StringBuilder();
        nested.Insert(0, "{\"a\":", depth).Append('1').Append('}', depth);
        var body = """
            {"apiVersion":"rollout-operator.io/v1alpha1","kind":"Rollout","metadata":{"name":"NAME","namespace":"NAMESPACE"},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"NAME"}},
               "template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"app","image":"registry.example/NAME:1"}],"extra":NESTED}},
               "strategy":{"canary":{"stableService":"NAME-stable","canaryService":"NAME-canary","steps":[{"setWeight":50}]}}}}
            """.Replace("NAMESPACE", cluster.Namespace, StringComparison.Ordinal).Replace("NAME", name, StringComparison.Ordinal).Replace("NESTED", nested.ToString(), StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = cluster.Emulator.BaseAddress };
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await http.PostAsync($"apis/rollout-operator.io/v1alpha1/namespaces/{cluster.Namespace}/rollouts", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
