using System.Text.RegularExpressions;
using RolloutOperator.Deploy.Tests.Infrastructure;
using YamlDotNet.Serialization;

namespace RolloutOperator.Deploy.Tests.Monitoring;

public sealed class RunbookTests
{
    private const string RunbookBase = "https://github.com/rollout-operator/rollout-operator/blob/main/docs/runbooks.md#";

    public static TheoryData<string> Alerts => [.. AlertRules().Select(r => Node.Text(r, "alert")!)];

    [Theory]
    [MemberData(nameof(Alerts))]
    public void Alert_LinksItsRunbookSection_WhichSaysMeaningDiagnosisAndAction(string alert)
    {
        var rule = AlertRules().Single(r => Node.Text(r, "alert") == alert);

        Assert.Equal(RunbookBase + alert.ToLowerInvariant(), Node.Text(rule, "annotations", "runbook_url"));
        var section = Section(alert);
        Assert.True(section is not null, $"docs/runbooks.md has no section \"## {alert}\"");
        foreach (var part in new[] { "**Meaning.**", "**Diagnose.**", "**Act.**" })
        {
            Assert.Contains(part, section, StringComparison.Ordinal);
        }
    }

    private static List<object> AlertRules()
    {
        var rules = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(RepoPaths.Of("monitoring", "rollout-operator.rules.yaml")));
        return [.. Node.List(rules, "groups").SelectMany(g => Node.List(g, "rules"))];
    }

    // A "## Name" heading is the GitHub anchor "#name"; the section runs to the next heading of that level.
    private static string? Section(string alert)
    {
        var text = File.ReadAllText(RepoPaths.Of("docs", "runbooks.md"));
        var match = Regex.Match(text, $"^## {Regex.Escape(alert)}\\s*$(?<body>.*?)(?=^## |\\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        return match.Success ? match.Groups["body"].Value : null;
    }
}
