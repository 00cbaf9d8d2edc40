namespace RolloutOperator.Runtime.Informers;

/// <summary>One page of a paged list; <see cref="Continue"/> is null on the last page.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string ResourceVersion, string? Continue)
{
    /// <summary>Objects of this page that could not be decoded; they are not in <see cref="Items"/>.</summary>
    public IReadOnlyList<UndecodableObject> Undecodable { get; init; } = [];
}
