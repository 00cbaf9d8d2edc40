namespace RolloutOperator.ApiEmulator;

public sealed partial class ApiServerEmulator
{
    /// <summary>
    /// The API verbs without HTTP, for seeding tens of thousands of objects quickly (benchmarks). Requests made here go
    /// through the same admission pipeline and watch fan-out but are not recorded in <see cref="Requests"/>.
    /// </summary>
    public InProcessApi InProcess => new(_api);
}
