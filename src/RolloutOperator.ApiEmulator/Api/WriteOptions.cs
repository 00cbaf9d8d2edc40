namespace RolloutOperator.ApiEmulator.Api;

/// <summary>Per-request write settings: field manager, dryRun=All, force (apply only).</summary>
internal sealed record WriteOptions(string Manager, bool DryRun = false, bool Force = false, bool StrictFields = false)
{
    public static WriteOptions System { get; } = new("emulator");
}
