namespace RolloutOperator.Core.Api;

[Description("One header condition.")]
public sealed class HeaderMatch
{
    [Description("Header name.")]
    [Required]
    [MaxLength(256)]
    public string HeaderName { get; set; } = "";

    [Description("How the header value must match.")]
    [Required]
    public StringMatch HeaderValue { get; set; } = new();
}
