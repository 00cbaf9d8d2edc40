namespace RolloutOperator.Core.Tests.Parsing.Hostile;

/// <summary>Where a mutated spec ended: refused by the JSON decoder (the API server's schema), InvalidSpec, or a plan that ran.</summary>
public enum HostileOutcome
{
    Undecodable,
    Invalid,
    Valid,
}
