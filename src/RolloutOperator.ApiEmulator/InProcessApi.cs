using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator;

/// <summary>
/// Create, server-side apply and get over the emulator's store without HTTP. A seeding path for benchmarks: at 40k
/// objects the HTTP round trip (serialize, parse, Kestrel) costs more than the write itself. Failures surface as
/// <see cref="InvalidOperationException"/> carrying the Status code and message the HTTP path would have returned.
/// </summary>
public sealed class InProcessApi
{
    private readonly ResourceApi _api;

    internal InProcessApi(ResourceApi api) => _api = api;

    public JsonObject Create(string group, string version, string plural, string? ns, JsonObject body, string fieldManager) =>
        Call(() => _api.Create(Type(group, version, plural), ns, body, new WriteOptions(fieldManager)));

    /// <summary>Server-side apply with force, as the operator writes its revision Deployments.</summary>
    public JsonObject Apply(string group, string version, string plural, string? ns, string name, JsonObject body, string fieldManager, string subresource = "") =>
        Call(() => _api.Patch(Type(group, version, plural), ns, name, PatchOperation.Apply, body.ToJsonString(), subresource, new WriteOptions(fieldManager, Force: true)));

    /// <summary>A JSON merge patch, e.g. of /status.</summary>
    public JsonObject MergePatch(string group, string version, string plural, string? ns, string name, JsonObject body, string fieldManager, string subresource = "") =>
        Call(() => _api.Patch(Type(group, version, plural), ns, name, PatchOperation.Merge, body.ToJsonString(), subresource, new WriteOptions(fieldManager)));

    public JsonObject Get(string group, string version, string plural, string? ns, string name) =>
        Call(() => _api.Get(Type(group, version, plural), ns, name, string.Empty));

    private ResourceType Type(string group, string version, string plural) =>
        _api.Context.Registry.Find(group, version, plural) ?? throw new InvalidOperationException($"the server could not find the requested resource {plural}.{group}/{version}");

    private static JsonObject Call(Func<JsonObject> operation)
    {
        try
        {
            return operation();
        }
        catch (ApiException e)
        {
            throw new InvalidOperationException($"{e.Code} {e.Reason}: {e.Message}", e);
        }
    }
}
