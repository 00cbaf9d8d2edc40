namespace RolloutOperator.Core.Api;

[Description("A router by registered name. An unknown name is reported as InvalidSpec.")]
public sealed class RouterPlugin
{
    [Description("Registered router name.")]
    [Required]
    [MaxLength(63)]
    public string Name { get; set; } = "";

    [Description("Router-specific settings.")]
    [PreserveUnknownFields]
    public System.Text.Json.Nodes.JsonObject? Config { get; set; }
}
