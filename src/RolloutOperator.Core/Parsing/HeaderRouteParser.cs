using System.Text.RegularExpressions;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>Validates a setHeaderRoute step against the router's capabilities and the managed routes.</summary>
internal static class HeaderRouteParser
{
    public static SetHeaderRouteStepPlan Parse(SetHeaderRoute route, RouterInfo router, string path, SpecErrors errors)
    {
        CheckRouter(router, path, errors);
        CheckName(route.Name, router, path, errors);
        return new SetHeaderRouteStepPlan(new HeaderRoutePlan(route.Name, Matches(route.Match ?? [], path, errors)));
    }

    /// <summary>Header and mirror routes share the managedRoutes list: a name may be used by either kind of step.</summary>
    public static void CheckName(string? name, RouterInfo router, string path, SpecErrors errors)
    {
        if (Fields.IsBlank(name))
        {
            errors.Add($"{path}.name", "name is required");
        }
        else if (!router.ManagedRoutes.Contains(name!))
        {
            errors.Add($"{path}.name", $"route \"{name}\" is not listed in trafficRouting.managedRoutes");
        }
    }

    public static List<HeaderMatchPlan> Matches(List<HeaderMatch> matches, string path, SpecErrors errors)
    {
        var plans = new List<HeaderMatchPlan>();
        for (var i = 0; i < matches.Count; i++)
        {
            if (Match(matches[i], $"{path}.match[{i}]", errors) is { } plan)
            {
                plans.Add(plan);
            }
        }

        return plans;
    }

    private static void CheckRouter(RouterInfo router, string path, SpecErrors errors)
    {
        if (!router.Configured)
        {
            errors.Add(path, "setHeaderRoute needs a traffic router");
        }
        else if (router.Lacking(c => c.SupportsHeaderRoutes) is { } lacking)
        {
            errors.Add(path, $"traffic router \"{lacking}\" does not support header routes");
        }
    }

    private static HeaderMatchPlan? Match(HeaderMatch? match, string path, SpecErrors errors)
    {
        if (match is null || Fields.IsBlank(match.HeaderName))
        {
            errors.Add($"{path}.headerName", "headerName is required");
            return null;
        }

        var value = match.HeaderValue;
        var set = (value?.Exact is null ? 0 : 1) + (value?.Prefix is null ? 0 : 1) + (value?.Regex is null ? 0 : 1);
        if (set != 1)
        {
            errors.Add($"{path}.headerValue", "set exactly one of exact, prefix, regex");
            return null;
        }

        if (value!.Exact is { } exact)
        {
            return new HeaderMatchPlan(match.HeaderName, StringMatchKind.Exact, exact);
        }

        if (value.Prefix is { } prefix)
        {
            return new HeaderMatchPlan(match.HeaderName, StringMatchKind.Prefix, prefix);
        }

        return CheckRegex(value.Regex!, $"{path}.headerValue.regex", errors)
            ? new HeaderMatchPlan(match.HeaderName, StringMatchKind.Regex, value.Regex!)
            : null;
    }

    // .NET's engine catches syntax errors; Re2Syntax then refuses what .NET accepts beyond RE2, the routers' dialect.
    private static bool CheckRegex(string pattern, string path, SpecErrors errors)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            errors.Add(path, $"invalid regular expression: {e.Message}");
            return false;
        }

        if (Re2Syntax.Error(pattern) is { } unsupported)
        {
            errors.Add(path, $"invalid regular expression: {unsupported}");
            return false;
        }

        return true;
    }
}
