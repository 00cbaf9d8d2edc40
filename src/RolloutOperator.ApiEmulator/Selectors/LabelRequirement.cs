namespace RolloutOperator.ApiEmulator.Selectors;

internal enum LabelOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
}

/// <summary>One clause of a label selector.</summary>
internal sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Equals or LabelOperator.In => present && Values.Contains(value!),
            // Like the real server, != and notin also match objects that lack the key.
            LabelOperator.NotEquals or LabelOperator.NotIn => !present || !Values.Contains(value!),
            LabelOperator.Exists => present,
            _ => !present,
        };
    }
}
