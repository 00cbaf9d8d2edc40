namespace RolloutOperator.Core.Api;

[Description("An HTTP GET or POST whose JSON answer holds the value at jsonPath. The URL's host must be allowed by the operator's --outbound-allowed-hosts; redirects are not followed.")]
public sealed class WebMetric
{
    [Description("Absolute http or https URL; {{args.NAME}} and built-in variables are substituted percent-encoded.")]
    [Required]
    [MaxLength(2048)]
    public string Url { get; set; } = "";

    [Description("GET or POST.")]
    [DefaultValue("GET")]
    public WebMethod? Method { get; set; }

    [Description("Request headers; a value may come from a Secret in the Rollout's namespace.")]
    [MaxLength(16)]
    [ListMapKeys("name")]
    public List<OutboundHeader>? Headers { get; set; }

    [Description("POST body; {{args.NAME}} and built-in variables are substituted JSON-string-escaped. Only with method POST.")]
    [MaxLength(8192)]
    public string? Body { get; set; }

    [Description("Where the value is in the JSON answer: $ followed by .name, ['name'] and [index] segments, e.g. $.data.ratio. A missing path, null or an empty array is no data.")]
    [Required]
    [MaxLength(256)]
    public string JsonPath { get; set; } = "";

    [Description("Request timeout; capped by the operator's outbound maximum.")]
    [DefaultValue("10s")]
    [MaxLength(32)]
    [Pattern(Durations.Pattern)]
    public string? Timeout { get; set; }
}
