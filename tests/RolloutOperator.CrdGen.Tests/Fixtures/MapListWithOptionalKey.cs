using RolloutOperator.Core.Api.Schema;

namespace RolloutOperator.CrdGen.Tests.Fixtures;

internal sealed class MapListWithOptionalKey
{
    [ListMapKeys("name")]
    public List<UnkeyedItem>? Items { get; set; }
}
