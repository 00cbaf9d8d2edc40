namespace RolloutOperator.CrdGen.Tests.Fixtures;

internal sealed class RecursiveNode
{
    public RecursiveNode? Child { get; set; }
}
