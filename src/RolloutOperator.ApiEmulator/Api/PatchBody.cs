using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.Model.Yaml;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>Request body decoding (JSON, or YAML for apply patches) with 400s for garbage.</summary>
internal static class PatchBody
{
    /// <summary>The API server's JSON decoder accepts nesting up to 10000 levels (custom resources may preserve unknown fields).</summary>
    public static readonly JsonDocumentOptions Depth = new() { MaxDepth = 10_000 };

    public static JsonNode? Parse(string text, bool allowYaml, bool strictFields = false)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: Depth);
        }
        catch (JsonException) when (allowYaml)
        {
            return ParseYaml(text, strictFields);
        }
        catch (JsonException e)
        {
            throw Errors.BadRequest($"error decoding request body: {e.Message}");
        }
    }

    public static JsonObject ParseObject(string text, bool allowYaml = false) =>
        Parse(text, allowYaml) as JsonObject ?? throw Errors.BadRequest("the request body must be a JSON object");

    /// <summary>
    /// An apply configuration, JSON or YAML. A duplicate key is refused only under <c>fieldValidation=Strict</c>; by
    /// default (<c>Warn</c>) the API server accepts the body and the last value wins.
    /// </summary>
    public static JsonObject ParseApplyConfiguration(string text, bool strictFields) =>
        Parse(text, allowYaml: true, strictFields) as JsonObject ?? throw Errors.BadRequest("the request body must be a JSON object");

    private static JsonNode? ParseYaml(string text, bool strictFields)
    {
        try
        {
            var documents = YamlToJson.Nodes(text, strictFields ? DuplicateKeys.Refuse : DuplicateKeys.LastWins);
            return documents.Count > 0 ? documents[0] : null;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw Errors.BadRequest($"error decoding YAML: {e.Message}");
        }
    }
}
