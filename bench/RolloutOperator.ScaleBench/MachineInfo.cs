using System.Runtime.InteropServices;

namespace RolloutOperator.ScaleBench;

/// <summary>What the numbers were measured on, including how busy the machine was.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string Os, string Runtime, string LoadBefore, string LoadAfter)
{
    public static MachineInfo Read() => new(
        Field("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        Field("/proc/meminfo", "MemTotal") ?? "?",
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverage(),
        string.Empty);

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string? Field(string file, string key) => File.Exists(file)
        ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
}
