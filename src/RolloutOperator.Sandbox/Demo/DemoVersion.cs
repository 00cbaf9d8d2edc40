using System.Text.Json;

namespace RolloutOperator.Sandbox.Demo;

/// <summary>A version of the demo app: an image and how often the simulator makes it fail.</summary>
internal sealed record DemoVersion(string Label, string Image, string ErrorRate)
{
    public static DemoVersion Initial { get; } = new("v1.0", "sandbox.local/demo-app:1.0", "0");

    public static DemoVersion Healthy { get; } = new("v1.1 (healthy)", "sandbox.local/demo-app:1.1", "0");

    public static DemoVersion Bad { get; } = new("v1.2 (30% errors)", "sandbox.local/demo-app:1.2", "0.3");

    /// <summary>A merge patch of the pod template, as a user's `kubectl apply` of a new version would change it.</summary>
    public string TemplatePatch() => JsonSerializer.Serialize(new
    {
        spec = new
        {
            template = new
            {
                spec = new
                {
                    containers = new[] { new { name = "app", image = Image, env = new[] { new { name = "SIM_ERROR_RATE", value = ErrorRate } } } },
                },
            },
        },
    });
}
