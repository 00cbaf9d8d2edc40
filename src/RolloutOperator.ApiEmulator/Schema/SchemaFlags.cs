using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Schema;

internal static class SchemaFlags
{
    public static bool IsTrue(JsonObject schema, string flag) =>
        Json.JsonTree.Bool(schema[flag]) == true;

    public static bool PreservesUnknown(JsonObject schema) => IsTrue(schema, "x-kubernetes-preserve-unknown-fields");

    public static bool Nullable(JsonObject schema) => IsTrue(schema, "nullable");

    public static bool IntOrString(JsonObject schema) => IsTrue(schema, "x-kubernetes-int-or-string");
}
