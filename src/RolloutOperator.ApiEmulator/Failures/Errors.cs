using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Resources;
using RolloutOperator.ApiEmulator.Schema;

namespace RolloutOperator.ApiEmulator.Failures;

/// <summary>Factories for the Status errors kube-apiserver returns, with its message wording.</summary>
internal static class Errors
{
    public static ApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.GroupResource} \"{name}\" not found", Details(type, name));

    public static ApiException NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", new JsonObject { ["name"] = ns, ["kind"] = "namespaces" });

    public static ApiException UnknownResource() =>
        new(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.GroupResource} \"{name}\" already exists", Details(type, name));

    public static ApiException Conflict(ResourceType type, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Details(type, name));

    public static ApiException Conflict(ResourceType type, string name, string detail) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.GroupResource} \"{name}\": {detail}", Details(type, name));

    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<FieldError> errors)
    {
        var details = new JsonObject
        {
            ["name"] = name,
            ["group"] = type.Group,
            ["kind"] = type.Kind,
            ["causes"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
            {
                ["reason"] = e.Reason,
                ["message"] = e.Detail,
                ["field"] = e.Field,
            }).ToArray()),
        };
        // Like the server's aggregate error: identical messages are reported once.
        var messages = errors.Select(e => e.Message).Distinct(StringComparer.Ordinal).ToList();
        var summary = messages.Count == 1 ? messages[0] : $"[{string.Join(", ", messages)}]";
        return new ApiException(422, "Invalid", $"{type.QualifiedKind} \"{name}\" is invalid: {summary}", details);
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiException Forbidden(ResourceType type, string name, string detail) =>
        new(403, "Forbidden", $"{type.GroupResource} \"{name}\" is forbidden: {detail}", Details(type, name));

    public static ApiException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got {contentType})");

    public static ApiException Expired(long requested, long oldest) =>
        new(410, "Expired", $"too old resource version: {requested} ({oldest})");

    public static ApiException Internal(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}", new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = message }) });

    public static ApiException TooManyRequests(int retryAfterSeconds) =>
        new(429, "TooManyRequests", "Too many requests, please try again later.", new JsonObject { ["retryAfterSeconds"] = retryAfterSeconds })
        {
            RetryAfterSeconds = retryAfterSeconds,
        };

    private static JsonObject Details(ResourceType type, string name) =>
        new() { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Plural };
}
