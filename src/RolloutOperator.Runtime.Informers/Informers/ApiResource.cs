namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// Group/version/plural of a resource. The core group is the empty string
/// (the client then addresses <c>/api/v1</c> instead of <c>/apis/{group}/{version}</c>).
/// </summary>
public sealed record ApiResource(string Group, string Version, string Plural)
{
    public override string ToString() => Group.Length == 0 ? $"{Version}/{Plural}" : $"{Group}/{Version}/{Plural}";
}
