namespace RolloutOperator.Core.Api;

/// <summary>Everything the CRD generator needs about one kind besides its types' schema.</summary>
public sealed record CustomResourceInfo(
    string Kind,
    string Plural,
    string Singular,
    IReadOnlyList<string> ShortNames,
    bool Namespaced,
    Type SpecType,
    Type? StatusType,
    string Description,
    IReadOnlyList<PrinterColumn> PrinterColumns,
    ScaleSubresource? Scale)
{
    public static IReadOnlyList<string> Categories { get; } = ["rollout-operator"];
}
