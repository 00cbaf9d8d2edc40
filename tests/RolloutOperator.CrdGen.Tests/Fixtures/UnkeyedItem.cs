namespace RolloutOperator.CrdGen.Tests.Fixtures;

internal sealed class UnkeyedItem
{
    public string? Name { get; set; }
}
