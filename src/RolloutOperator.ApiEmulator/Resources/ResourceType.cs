using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Resources;

/// <summary>One served group/version/resource and the rules the server applies to it.</summary>
internal sealed class ResourceType
{
    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Plural { get; init; }

    public required string Singular { get; init; }

    public required string Kind { get; init; }

    public required bool Namespaced { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public bool HasStatus { get; init; }

    public ScaleSpec? Scale { get; init; }

    /// <summary>openAPIV3Schema for custom resources; null for built-ins.</summary>
    public JsonObject? Schema { get; init; }

    public bool IsCustom { get; init; }

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Storage identity: all versions of a resource share one set of objects.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    public string ListKind => Kind + "List";

    public bool Is(string group, string plural) => Group == group && Plural == plural;
}
