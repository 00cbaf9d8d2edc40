namespace RolloutOperator.Cli.Dashboard;

/// <summary>The list page's filters (namespace, free-text search), from the query string; bounded so a URL cannot make work.</summary>
internal sealed record ListFilter(string? Namespace, string? Search)
{
    private const int MaxLength = 253;

    public static ListFilter From(Microsoft.AspNetCore.Http.IQueryCollection query) =>
        new(Clean(query["ns"].ToString()), Clean(query["q"].ToString()));

    public string Query => $"ns={Html.Seg(Namespace)}&q={Html.Seg(Search)}";

    public bool Matches(string? ns, string text) =>
        (Namespace is null || ns == Namespace) && (Search is null || text.Contains(Search, StringComparison.OrdinalIgnoreCase));

    private static string? Clean(string value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, MaxLength)];
}
