using System.Text.Json.Nodes;

namespace RolloutOperator.Tests;

/// <summary>
/// The host runs with workstation GC: the Web SDK's default (server GC) sizes one heap per core for request throughput
/// and kept RSS far above the live heap in the scale benchmark. The runtime reads this file when the host starts.
/// </summary>
public sealed class GarbageCollectorModeTests
{
    [Fact]
    public void HostRuntimeConfig_SelectsWorkstationGc()
    {
        var config = Path.ChangeExtension(typeof(OperatorHost).Assembly.Location, ".runtimeconfig.json");

        var properties = JsonNode.Parse(File.ReadAllText(config))!["runtimeOptions"]!["configProperties"]!;

        Assert.False(properties["System.GC.Server"]!.GetValue<bool>());
    }
}
