namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>
/// Locates the external tools. A missing tool fails the test (never skips it): CI must run scripts/install-tools.sh,
/// and a silently skipped check would hide a broken chart.
/// </summary>
internal static class Tools
{
    public static string Helm => Find("HELM_BIN", RepoPaths.Of(".tools", "bin", "helm"), "helm");

    public static string Kubectl => Find("KUBECTL_BIN", RepoPaths.Of(".tools", "bin", "kubectl"), "kubectl");

    public static string Promtool => Find("PROMTOOL_BIN", null, "promtool");

    public static string Lua => Find("LUA_BIN", null, "lua5.1");

    private static string Find(string variable, string? local, string name)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnv)
        {
            Assert.True(File.Exists(fromEnv), $"{variable}={fromEnv} does not exist");
            return fromEnv;
        }

        if (local is not null && File.Exists(local))
        {
            return local;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        Assert.True(onPath is not null, $"{name} not found ({variable}, {local ?? "PATH"}): run scripts/install-tools.sh");
        return onPath!;
    }
}
