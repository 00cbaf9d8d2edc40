using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Tests;

/// <summary>Writes a real API server refuses, each with the cause it returns (wording from its validation code).</summary>
internal static class ApiValidationCases
{
    public const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    public const string Events = "/apis/events.k8s.io/v1/namespaces/default/events";

    public const string Subdomain = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    public const string Dns1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    public const string NamePart = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    public const string LabelValue = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    private static readonly string Long64 = new('a', 64);

    public static IReadOnlyDictionary<string, ApiValidationCase> All { get; } = new Dictionary<string, ApiValidationCase>
    {
        ["event generateName ending in a dot"] = new(Events, Event(e => e["metadata"] = new JsonObject { ["generateName"] = "web." }),
            "metadata.generateName", "FieldValueInvalid", $"Invalid value: \"web.\": {Subdomain}"),
        ["generateName over 253 characters"] = new(ConfigMaps, ConfigMap(new JsonObject { ["generateName"] = new string('a', 254) + "-" }),
            "metadata.generateName", "FieldValueInvalid", $"Invalid value: \"{new string('a', 254)}-\": must be no more than 253 characters"),
        ["missing name and generateName"] = new(ConfigMaps, ConfigMap(new JsonObject()),
            "metadata.name", "FieldValueRequired", "Required value: name or generateName is required"),
        ["upper-case name"] = new(ConfigMaps, ConfigMap(new JsonObject { ["name"] = "Web" }),
            "metadata.name", "FieldValueInvalid", $"Invalid value: \"Web\": {Subdomain}"),
        ["name over 253 characters"] = new(ConfigMaps, ConfigMap(new JsonObject { ["name"] = new string('a', 254) }),
            "metadata.name", "FieldValueInvalid", $"Invalid value: \"{new string('a', 254)}\": must be no more than 253 characters"),
        ["service name starting with a digit"] = new("/api/v1/namespaces/default/services", Service("1web"),
            "metadata.name", "FieldValueInvalid", $"Invalid value: \"1web\": {Dns1035}"),
        ["namespace name with a dot"] = new("/api/v1/namespaces", "{\"metadata\":{\"name\":\"a.b\"}}",
            "metadata.name", "FieldValueInvalid", "Invalid value: \"a.b\": must not contain dots"),
        ["role name with a percent sign"] = new("/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", "{\"metadata\":{\"name\":\"a%b\"},\"rules\":[]}",
            "metadata.name", "FieldValueInvalid", "Invalid value: \"a%b\": may not contain '%'"),
        ["label key with a space"] = new(ConfigMaps, ConfigMap(Named("labels", "bad key", "v")),
            "metadata.labels", "FieldValueInvalid", $"Invalid value: \"bad key\": {NamePart}"),
        ["label key with an empty name part"] = new(ConfigMaps, ConfigMap(Named("labels", "example.com/", "v")),
            "metadata.labels", "FieldValueInvalid", "Invalid value: \"example.com/\": name part must be non-empty"),
        ["label key with a 64-character name part"] = new(ConfigMaps, ConfigMap(Named("labels", Long64, "v")),
            "metadata.labels", "FieldValueInvalid", $"Invalid value: \"{Long64}\": name part must be no more than 63 characters"),
        ["label value over 63 characters"] = new(ConfigMaps, ConfigMap(Named("labels", "app", Long64)),
            "metadata.labels", "FieldValueInvalid", $"Invalid value: \"{Long64}\": must be no more than 63 characters"),
        ["label value starting with a dash"] = new(ConfigMaps, ConfigMap(Named("labels", "app", "-web")),
            "metadata.labels", "FieldValueInvalid", $"Invalid value: \"-web\": {LabelValue}"),
        ["annotation key with two slashes"] = new(ConfigMaps, ConfigMap(Named("annotations", "a/b/c", "v")),
            "metadata.annotations", "FieldValueInvalid",
            "Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
        ["annotations over 256 KiB"] = new(ConfigMaps, ConfigMap(Named("annotations", "big", new string('x', 256 * 1024))),
            "metadata.annotations", "FieldValueTooLong", "Too long: may not be more than 262144 bytes"),
        ["finalizer with a space"] = new(ConfigMaps, ConfigMap(new JsonObject { ["name"] = "c", ["finalizers"] = new JsonArray("example.com/bad name") }),
            "metadata.finalizers", "FieldValueInvalid", $"Invalid value: \"example.com/bad name\": {NamePart}"),
        ["orphan and foregroundDeletion finalizers"] = new(ConfigMaps, ConfigMap(new JsonObject { ["name"] = "c", ["finalizers"] = new JsonArray("orphan", "foregroundDeletion") }),
            "metadata.finalizers", "FieldValueInvalid", "Invalid value: [\"orphan\",\"foregroundDeletion\"]: finalizer orphan and foregroundDeletion cannot be both set"),
        ["owner reference without uid"] = new(ConfigMaps, ConfigMap(Owners(Owner("a", uid: string.Empty))),
            "metadata.ownerReferences.uid", "FieldValueInvalid", "Invalid value: \"\": must not be empty"),
        ["owner reference without a version"] = new(ConfigMaps, ConfigMap(Owners(Owner("a", apiVersion: "apps/"))),
            "metadata.ownerReferences.apiVersion", "FieldValueInvalid", "Invalid value: \"apps/\": version must not be empty"),
        ["two controller owner references"] = new(ConfigMaps, ConfigMap(Owners(Owner("a"), Owner("b"))),
            "metadata.ownerReferences", "FieldValueInvalid",
            "Invalid value: [{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"a\",\"uid\":\"u-a\",\"controller\":true},{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"b\",\"uid\":\"u-b\",\"controller\":true}]: Only one reference can have Controller set to true. Found \"true\" in references for Deployment/a and Deployment/b"),
        ["event without reportingController"] = new(Events, Event(e => e.Remove("reportingController")),
            "reportingController", "FieldValueRequired", "Required value"),
        ["event reportingController with a space"] = new(Events, Event(e => e["reportingController"] = "my controller"),
            "reportingController", "FieldValueInvalid", $"Invalid value: \"my controller\": {NamePart}"),
        ["event reportingInstance over 128 characters"] = new(Events, Event(e => e["reportingInstance"] = new string('i', 129)),
            "reportingInstance", "FieldValueInvalid", "Invalid value: \"\": can have at most 128 characters"),
        ["event without action"] = new(Events, Event(e => e.Remove("action")),
            "action", "FieldValueRequired", "Required value"),
        ["event reason over 128 characters"] = new(Events, Event(e => e["reason"] = new string('R', 129)),
            "reason", "FieldValueInvalid", "Invalid value: \"\": can have at most 128 characters"),
        ["event note over 1024 bytes"] = new(Events, Event(e => e["note"] = new string('é', 513)),
            "message", "FieldValueInvalid", "Invalid value: \"\": can have at most 1024 characters"),
        ["event without eventTime"] = new(Events, Event(e => e.Remove("eventTime")),
            "eventTime", "FieldValueRequired", "Required value"),
        ["event eventTime without microseconds"] = new(Events, Event(e => e["eventTime"] = "2025-01-01T00:00:00Z"),
            "eventTime", "FieldValueInvalid", "Invalid value: \"2025-01-01T00:00:00Z\": must be a MicroTime in RFC 3339 format with fractional seconds (2006-01-02T15:04:05.000000Z07:00)"),
        ["event type Info"] = new(Events, Event(e => e["type"] = "Info"),
            "type", "FieldValueInvalid", "Invalid value: \"\": has invalid value: Info"),
        ["event regarding without namespace"] = new("/apis/events.k8s.io/v1/namespaces/team/events", Event(e => e["regarding"] = new JsonObject { ["kind"] = "Pod", ["name"] = "p" }),
            "involvedObject.namespace", "FieldValueInvalid", "Invalid value: \"\": does not match event.namespace"),
        ["event series count 1"] = new(Events, Event(e => e["series"] = new JsonObject { ["count"] = 1, ["lastObservedTime"] = "2025-01-01T00:00:00.000001Z" }),
            "series.count", "FieldValueInvalid", "Invalid value: \"\": should be at least 2"),
        ["event deprecatedCount set"] = new(Events, Event(e => e["deprecatedCount"] = 3),
            "count", "FieldValueInvalid", "Invalid value: \"\": needs to be unset"),
        ["deployment template label value"] = new("/apis/apps/v1/namespaces/default/deployments", Deployment("-bad"),
            "spec.template.metadata.labels", "FieldValueInvalid", $"Invalid value: \"-bad\": {LabelValue}"),
    };

    public static string Event(Action<JsonObject> change)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "events.k8s.io/v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "web.1" },
            ["eventTime"] = "2025-01-01T00:00:00.000001Z",
            ["reportingController"] = "rollout-operator.io/controller",
            ["reportingInstance"] = "operator-0",
            ["action"] = "Reconcile",
            ["reason"] = "StepCompleted",
            ["note"] = "step 1 completed",
            ["type"] = "Normal",
            ["regarding"] = new JsonObject { ["kind"] = "Rollout", ["name"] = "web", ["namespace"] = "default" },
        };
        change(body);
        return body.ToJsonString();
    }

    private static string ConfigMap(JsonObject metadata)
    {
        metadata["name"] ??= metadata.ContainsKey("generateName") || metadata.Count == 0 ? null : "c";
        if (metadata["name"] is null)
        {
            metadata.Remove("name");
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = metadata }.ToJsonString();
    }

    private static JsonObject Named(string field, string key, string value) => new() { ["name"] = "c", [field] = new JsonObject { [key] = value } };

    private static JsonObject Owners(params JsonObject[] owners) => new() { ["name"] = "c", ["ownerReferences"] = new JsonArray(owners) };

    private static JsonObject Owner(string name, string? uid = null, string apiVersion = "apps/v1") =>
        new() { ["apiVersion"] = apiVersion, ["kind"] = "Deployment", ["name"] = name, ["uid"] = uid ?? "u-" + name, ["controller"] = true };

    private static string Service(string name) =>
        $"{{\"metadata\":{{\"name\":\"{name}\"}},\"spec\":{{\"ports\":[{{\"port\":80}}]}}}}";

    private static string Deployment(string templateLabel) =>
        "{\"metadata\":{\"name\":\"d\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"d\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"d\",\"tier\":\""
        + templateLabel + "\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1.27\"}]}}}}";
}
