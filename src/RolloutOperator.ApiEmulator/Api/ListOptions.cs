using RolloutOperator.ApiEmulator.Selectors;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>Query parameters of list and watch requests.</summary>
internal sealed record ListOptions(
    LabelSelector Labels,
    FieldSelector Fields,
    int Limit,
    string? Continue,
    string? ResourceVersion,
    TimeSpan? Timeout,
    bool AllowBookmarks);
