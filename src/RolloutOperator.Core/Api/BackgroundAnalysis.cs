namespace RolloutOperator.Core.Api;

[Description("Background analysis for a canary.")]
public sealed class BackgroundAnalysis : RolloutAnalysis
{
    [Description("Index of the step at which the background analysis starts.")]
    [DefaultValue(0)]
    [Range(0, 100)]
    public int? StartingStep { get; set; }
}
