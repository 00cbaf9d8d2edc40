namespace RolloutOperator.Controller.Traffic;

/// <summary>One namespaced custom object, addressed the way the custom-objects API addresses it.</summary>
internal sealed record CustomObjectRef(string Group, string Version, string Namespace, string Plural, string Name);
