using System.Text.Json.Nodes;

namespace RolloutOperator.TrafficSimulator.Tests;

public sealed class RevisionBehaviourTests
{
    [Fact]
    public void FromPodTemplate_EnvOnFirstContainer_SetsErrorRateAndLatency()
    {
        var template = JsonNode.Parse("""
            {"spec":{"containers":[
              {"name":"app","env":[{"name":"SIM_ERROR_RATE","value":"0.2"},{"name":"SIM_LATENCY_MS","value":"300"},{"name":"OTHER","value":"x"}]},
              {"name":"sidecar","env":[{"name":"SIM_ERROR_RATE","value":"1"}]}]}}
            """);

        var behaviour = RevisionBehaviour.FromPodTemplate(template);

        Assert.Equal(new RevisionBehaviour(0.2, TimeSpan.FromMilliseconds(300)), behaviour);
    }

    [Theory]
    [InlineData("""{"spec":{"containers":[{"name":"app"}]}}""")]
    [InlineData("""{"spec":{"containers":[{"name":"app","env":[{"name":"SIM_ERROR_RATE","value":"lots"}]}]}}""")]
    [InlineData("""{"spec":{"containers":[{"name":"app","env":[{"name":"SIM_ERROR_RATE","valueFrom":{"fieldRef":{"fieldPath":"x"}}}]}]}}""")]
    [InlineData("""{}""")]
    public void FromPodTemplate_NoUsableEnv_IsHealthy(string json)
    {
        Assert.Equal(RevisionBehaviour.Healthy, RevisionBehaviour.FromPodTemplate(JsonNode.Parse(json)));
    }

    [Fact]
    public void FromEnvironment_OutOfRange_IsClamped()
    {
        var behaviour = RevisionBehaviour.FromEnvironment(new Dictionary<string, string> { ["SIM_ERROR_RATE"] = "1.5", ["SIM_LATENCY_MS"] = "-10" });

        Assert.Equal(new RevisionBehaviour(1, TimeSpan.Zero), behaviour);
    }
}
