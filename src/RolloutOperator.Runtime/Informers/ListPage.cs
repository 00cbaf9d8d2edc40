namespace RolloutOperator.Runtime.Informers;

/// <summary>One page of a paged list; <see cref="Continue"/> is null on the last page.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string ResourceVersion, string? Continue);
