using System.ComponentModel;

namespace RolloutOperator.CrdGen.Tests.Fixtures;

internal sealed class MisfitDefault
{
    [DefaultValue("ten")]
    public int? Count { get; set; }
}
