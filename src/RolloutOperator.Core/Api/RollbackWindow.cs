namespace RolloutOperator.Core.Api;

[Description("Window of recent stable revisions to which a rollback skips the steps.")]
public sealed class RollbackWindow
{
    [Description("Number of most recent stable revisions in the window.")]
    [Required]
    [Range(0, 100)]
    public int Revisions { get; set; }
}
