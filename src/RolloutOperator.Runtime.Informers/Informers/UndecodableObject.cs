namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// An object the API server returned that could not be decoded into the informer's type (e.g. nested deeper than the
/// decoder allows inside a field that preserves unknown fields). It is kept out of the cache; the rest of the list or
/// watch goes on.
/// </summary>
public sealed record UndecodableObject(ObjectKey Key, string? ApiVersion, string? Kind, string? Uid, string? ResourceVersion, string Error)
{
    /// <summary>The undecodable object was deleted (a watch DELETED event): nothing is left to report on.</summary>
    public bool Deleted { get; init; }
}
