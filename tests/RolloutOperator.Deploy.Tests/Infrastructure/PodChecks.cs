namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>What every rendering of the operator Deployment must satisfy, from Helm or kustomize alike.</summary>
internal static class PodChecks
{
    public const int Port = 8080;

    public static object PodSpec(Manifest deployment) => Node.At(deployment.Root, "spec", "template", "spec")!;

    public static object Container(Manifest deployment) => Node.List(PodSpec(deployment), "containers").Single();

    /// <summary>The restricted Pod Security Standard, plus a read-only root with an emptyDir at /tmp.</summary>
    public static void AssertRestricted(Manifest deployment)
    {
        var pod = PodSpec(deployment);
        var container = Container(deployment);
        Assert.Equal("true", Node.Text(pod, "securityContext", "runAsNonRoot"));
        Assert.True(int.TryParse(Node.Text(pod, "securityContext", "runAsUser"), out var uid) && uid > 0, "pod runAsUser must be a non-zero number");
        Assert.Equal("RuntimeDefault", Node.Text(pod, "securityContext", "seccompProfile", "type"));
        Assert.Null(Node.At(pod, "hostNetwork"));
        Assert.Null(Node.At(pod, "hostPID"));

        Assert.Equal("false", Node.Text(container, "securityContext", "allowPrivilegeEscalation"));
        Assert.Equal("true", Node.Text(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Equal("true", Node.Text(container, "securityContext", "runAsNonRoot"));
        Assert.Equal(["ALL"], Node.Strings(container, "securityContext", "capabilities", "drop"));
        Assert.Null(Node.At(container, "securityContext", "capabilities", "add"));
        Assert.Null(Node.At(container, "securityContext", "privileged"));

        var tmp = Node.List(container, "volumeMounts").SingleOrDefault(m => Node.Text(m, "mountPath") == "/tmp");
        Assert.True(tmp is not null, "a writable /tmp must be mounted (the root filesystem is read-only)");
        var volume = Node.List(pod, "volumes").Single(v => Node.Text(v, "name") == Node.Text(tmp, "name"));
        Assert.NotNull(Node.At(volume, "emptyDir"));
    }

    public static void AssertProbesAndPorts(Manifest deployment)
    {
        var container = Container(deployment);
        var port = Node.List(container, "ports").Single();
        Assert.Equal("http", Node.Text(port, "name"));
        Assert.Equal(Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Node.Text(port, "containerPort"));
        Assert.Equal("/healthz", Node.Text(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("http", Node.Text(container, "livenessProbe", "httpGet", "port"));
        Assert.Equal("/readyz", Node.Text(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("http", Node.Text(container, "readinessProbe", "httpGet", "port"));
        Assert.NotNull(Node.At(container, "resources", "requests"));
    }

    /// <summary>Leader election on by default, with the pod identity from the downward API.</summary>
    public static void AssertLeaderElectionAndIdentity(Manifest deployment)
    {
        var container = Container(deployment);
        var args = Node.Strings(container, "args");
        Assert.Equal("true", ArgValue(args, "--leader-elect"));
        Assert.Equal("rollout-operator-leader", ArgValue(args, "--lease-name"));
        Assert.Equal(Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ArgValue(args, "--port"));
        var env = Node.List(container, "env");
        Assert.Equal("metadata.name", Node.Text(env.Single(e => Node.Text(e, "name") == "POD_NAME"), "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.namespace", Node.Text(env.Single(e => Node.Text(e, "name") == "POD_NAMESPACE"), "valueFrom", "fieldRef", "fieldPath"));
    }

    /// <summary>The value after a flag given as two list items (`--flag`, `value`), the form the chart renders.</summary>
    public static string? ArgValue(IReadOnlyList<string> args, string flag)
    {
        var index = args.ToList().IndexOf(flag);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }
}
