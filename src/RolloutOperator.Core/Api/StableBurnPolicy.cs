namespace RolloutOperator.Core.Api;

[JsonConverter(typeof(JsonStringEnumConverter<StableBurnPolicy>))]
public enum StableBurnPolicy
{
    Hold,
    Continue,
}
