namespace RolloutOperator.Core.Api;

[Description("An HTTP header.")]
public sealed class HttpHeader
{
    [Description("Header name.")]
    [Required]
    [MaxLength(256)]
    public string Name { get; set; } = "";

    [Description("Header value.")]
    [Required]
    [MaxLength(4096)]
    public string Value { get; set; } = "";
}
