namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>RBAC of a render against the documented table, plus the bindings that make it effective.</summary>
internal static class RbacChecks
{
    public const string ScopeLabel = "rollout-operator.io/rbac-scope";

    public static IEnumerable<Manifest> ScopedRoles(ManifestSet set) =>
        set.Items.Where(m => m.Kind is "Role" or "ClusterRole" && m.Label(ScopeLabel) is not null);

    /// <summary>Every scoped role grants exactly the table's rules for its scope.</summary>
    public static void AssertRulesMatchTable(ManifestSet set, IReadOnlyList<string> configuredSecretNames)
    {
        var roles = ScopedRoles(set).ToList();
        Assert.NotEmpty(roles);
        foreach (var role in roles)
        {
            var scope = role.Label(ScopeLabel)!;
            Assert.Contains(scope, RbacTable.Scopes);
            var expected = RbacTable.For(scope, configuredSecretNames);
            var actual = RbacRule.FromRole(scope, role);
            Assert.True(
                expected.SequenceEqual(actual),
                $"{role} differs from docs/operations.md:\n  missing: {string.Join("; ", expected.Except(actual))}\n  extra: {string.Join("; ", actual.Except(expected))}");
        }
    }

    /// <summary>Each scoped role is bound (same kind, same namespace) to the ServiceAccount the Deployment runs as.</summary>
    public static void AssertBoundToOperator(ManifestSet set)
    {
        var deployment = set.Single("Deployment");
        var account = Node.Text(PodChecks.PodSpec(deployment), "serviceAccountName");
        var accountNamespace = deployment.Namespace;
        Assert.Contains(set.OfKind("ServiceAccount"), sa => sa.Name == account && sa.Namespace == accountNamespace);
        foreach (var role in ScopedRoles(set))
        {
            var bindingKind = role.Kind == "Role" ? "RoleBinding" : "ClusterRoleBinding";
            var bound = set.OfKind(bindingKind).Any(b =>
                b.Namespace == role.Namespace
                && Node.Text(b.Root, "roleRef", "kind") == role.Kind
                && Node.Text(b.Root, "roleRef", "name") == role.Name
                && Node.List(b.Root, "subjects").Any(s =>
                    Node.Text(s, "kind") == "ServiceAccount" && Node.Text(s, "name") == account && Node.Text(s, "namespace") == accountNamespace));
            Assert.True(bound, $"{role} is not bound to ServiceAccount {accountNamespace}/{account}");
        }
    }

    public static IReadOnlyList<string> ScopesOf(ManifestSet set, string kind) =>
        ScopedRoles(set).Where(r => r.Kind == kind).Select(r => r.Label(ScopeLabel)!).Distinct().Order().ToList();
}
