using System.Globalization;

namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>HA by default, from Helm or kustomize alike: one leader and one standby, a PDB, spread over nodes.</summary>
internal static class HighAvailabilityChecks
{
    public static void AssertTwoReplicasWithPdbAndSpread(ManifestSet set)
    {
        var deployment = set.Single("Deployment");
        Assert.Equal("2", Node.Text(deployment.Root, "spec", "replicas"));
        var args = Node.Strings(PodChecks.Container(deployment), "args");
        Assert.Equal("true", PodChecks.ArgValue(args, "--leader-elect"));
        AssertSafeTiming(args);

        var podLabels = Node.Map(deployment.Root, "spec", "template", "metadata", "labels");
        var pdb = set.Single("PodDisruptionBudget");
        Assert.Equal("1", Node.Text(pdb.Root, "spec", "minAvailable"));
        AssertSelects(Node.Map(pdb.Root, "spec", "selector", "matchLabels"), podLabels);

        var term = Node.List(PodChecks.PodSpec(deployment), "affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution").Single();
        Assert.Equal("kubernetes.io/hostname", Node.Text(term, "podAffinityTerm", "topologyKey"));
        AssertSelects(Node.Map(term, "podAffinityTerm", "labelSelector", "matchLabels"), podLabels);
    }

    /// <summary>The operator refuses to start otherwise; the manifests must never ship a crash loop.</summary>
    private static void AssertSafeTiming(IReadOnlyList<string> args)
    {
        var lease = Seconds(args, "--lease-duration");
        var renew = Seconds(args, "--renew-deadline");
        var retry = Seconds(args, "--retry-period");
        Assert.True(lease > renew && renew > 1.2 * retry, $"unsafe lease timing {lease}/{renew}/{retry}");
        Assert.True(lease + (2 * retry) <= 15, "a standby must take over within 15 s");
    }

    private static double Seconds(IReadOnlyList<string> args, string flag) =>
        double.Parse(PodChecks.ArgValue(args, flag) ?? throw new Xunit.Sdk.XunitException($"{flag} is not set"), CultureInfo.InvariantCulture);

    private static void AssertSelects(IReadOnlyDictionary<object, object> selector, IReadOnlyDictionary<object, object> podLabels)
    {
        Assert.NotEmpty(selector);
        Assert.All(selector, kv => Assert.Equal(kv.Value, podLabels.GetValueOrDefault(kv.Key)));
    }
}
