namespace RolloutOperator.Core.Api;

[JsonConverter(typeof(JsonStringEnumConverter<WorkloadScaleDown>))]
public enum WorkloadScaleDown
{
    [JsonStringEnumMemberName("never")]
    Never,

    [JsonStringEnumMemberName("onSuccess")]
    OnSuccess,

    [JsonStringEnumMemberName("progressively")]
    Progressively,
}
