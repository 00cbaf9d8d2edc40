namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>
/// One permission in normal form: a single API group and resource with its sorted verbs and resource names, so rules
/// written as one entry with several resources compare equal to the same grants written separately.
/// </summary>
internal sealed record RbacRule(string Scope, string ApiGroup, string Resource, string Verbs, string ResourceNames)
{
    public static IEnumerable<RbacRule> Expand(
        string scope, IEnumerable<string> groups, IEnumerable<string> resources, IEnumerable<string> verbs, IEnumerable<string> names)
    {
        var verbText = Join(verbs);
        var nameText = Join(names);
        var resourceList = resources.ToList();
        return groups.SelectMany(g => resourceList.Select(r => new RbacRule(scope, g, r, verbText, nameText)));
    }

    /// <summary>The rules of a rendered Role or ClusterRole, in normal form.</summary>
    public static IReadOnlyList<RbacRule> FromRole(string scope, Manifest role) =>
        Node.List(role.Root, "rules")
            .SelectMany(rule => Expand(
                scope,
                Node.Strings(rule, "apiGroups"),
                Node.Strings(rule, "resources"),
                Node.Strings(rule, "verbs"),
                Node.Strings(rule, "resourceNames")))
            .OrderBy(r => r.ToString(), StringComparer.Ordinal)
            .ToList();

    public override string ToString() =>
        $"{Scope}: {(ApiGroup.Length == 0 ? "(core)" : ApiGroup)} {Resource} [{Verbs}]{(ResourceNames.Length == 0 ? "" : $" names [{ResourceNames}]")}";

    private static string Join(IEnumerable<string> items) =>
        string.Join(",", items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct().Order(StringComparer.Ordinal));
}
