using YamlDotNet.Core.Events;

namespace RolloutOperator.Model.Yaml;

/// <summary>The nodes one input may still expand to (see <see cref="YamlLimits.MaxNodes"/>).</summary>
internal sealed class NodeBudget
{
    private long _remaining = YamlLimits.MaxNodes;

    public bool Exhausted => _remaining < 0;

    public void Spend(int nodes, ParsingEvent at)
    {
        _remaining -= nodes;
        if (_remaining < 0)
        {
            throw new YamlRefusedException(
                $"the input expands to more than {YamlLimits.MaxNodes} nodes by line {at.Start.Line} (YAML aliases repeat whole subtrees); refused");
        }
    }
}
