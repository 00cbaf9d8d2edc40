using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace RolloutOperator.CrdGen.Tests.Fixtures;

internal sealed class NamedFields
{
    [JsonPropertyName("gatewayAPI")]
    public string? GatewayApi { get; set; }

    [JsonIgnore]
    public string? Hidden { get; set; }

    [MaxLength(3)]
    public Dictionary<string, string>? Labels { get; set; }

    public long Big { get; set; }
}
