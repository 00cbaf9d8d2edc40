namespace RolloutOperator.ApiEmulator.Http;

/// <summary>A request as the API server understands it (the apiserver's RequestInfo).</summary>
public sealed record ApiRequest(
    string Verb,
    string Method,
    string Path,
    string Query,
    string? Group,
    string? Version,
    string? Resource,
    string? Subresource,
    string? Namespace,
    string? Name,
    string? UserAgent)
{
    /// <summary>create, update, patch, delete or deletecollection.</summary>
    public bool IsWrite => Verb is "create" or "update" or "patch" or "delete" or "deletecollection";

    public bool IsResourceRequest => Resource is not null;
}
