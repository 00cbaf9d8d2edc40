namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// The Accept headers of a metadata-only list-watch, as the API server's metadata clients send them: lists as a
/// <c>meta.k8s.io/v1 PartialObjectMetadataList</c>, watch events (one object each) as <c>PartialObjectMetadata</c>. The
/// trailing plain <c>application/json</c> lets a server without the metadata form answer with whole objects, which decode
/// into the same metadata (the other fields are ignored), so the informer works either way.
/// </summary>
internal static class MetadataOnly
{
    public const string ListAccept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";

    public const string ObjectAccept = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";
}
