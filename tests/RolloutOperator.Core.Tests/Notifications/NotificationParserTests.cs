using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Parsing;

namespace RolloutOperator.Core.Tests.Notifications;

/// <summary>spec.notifications: every refusal is an InvalidSpec error at the exact field; a valid section becomes a plan.</summary>
public sealed class NotificationParserTests
{
    private static readonly HostAllowList OnlyHooks = Hosts("hooks.example.com");

    [Fact]
    public void Parse_SinkHostNotOnOutboundAllowList_IsInvalidSpecAtTheUrlField()
    {
        var spec = Specs.Canary();
        spec.Notifications = Notifications(new NotificationSink
        {
            Name = "team",
            Triggers = ["on-promoted"],
            Slack = new SlackSink { Url = "https://metadata.internal/hook?token=s3cret" },
        });

        var result = SpecParser.Parse(spec, Context(OnlyHooks));

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Equal("spec.notifications.sinks[0].slack.url", error.Path);
        Assert.Contains("--outbound-allowed-hosts", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AllowedSinks_BecomeThePlanWithDefaultsApplied()
    {
        var spec = Specs.Canary();
        spec.Notifications = Notifications(
            new NotificationSink { Name = "audit", Triggers = ["on-promoted", "on-aborted"], Webhook = new WebhookSink { Url = "https://hooks.example.com/audit" } },
            new NotificationSink { Name = "events", Triggers = ["on-step-completed"], CloudEvents = new CloudEventsSink { Url = "http://hooks.example.com:8080/ce" } });

        var plan = SpecParser.Parse(spec, Context(OnlyHooks)).Plan!.Notifications;

        Assert.True(plan.InheritDefaults);
        Assert.Collection(
            plan.Sinks,
            s =>
            {
                Assert.Equal(NotificationSinkKind.Webhook, s.Kind);
                Assert.Equal(["on-aborted", "on-promoted"], s.Triggers.Order(StringComparer.Ordinal));
                Assert.Equal("application/json", s.ContentType);
                Assert.Null(s.Body);
            },
            s =>
            {
                Assert.Equal(NotificationSinkKind.CloudEvents, s.Kind);
                Assert.Equal(CloudEventsMode.Structured, s.Mode);
            });
    }

    [Theory]
    [InlineData("on-deployed", "spec.notifications.sinks[0].triggers[1]")]
    [InlineData("", "spec.notifications.sinks[0].triggers[1]")]
    public void Parse_UnknownTrigger_IsRefusedAtItsIndex(string trigger, string path)
    {
        var spec = Specs.Canary();
        spec.Notifications = Notifications(new NotificationSink { Name = "a", Triggers = ["on-promoted", trigger], Webhook = new WebhookSink { Url = "https://hooks.example.com/" } });

        var result = SpecParser.Parse(spec, Context(HostAllowList.All));

        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains("on-gate-waiting", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BodyTemplateWithUnknownPlaceholder_IsRefusedAtTheBody()
    {
        var spec = Specs.Canary();
        spec.Notifications = Notifications(new NotificationSink
        {
            Name = "a",
            Triggers = ["on-promoted"],
            Webhook = new WebhookSink { Url = "https://hooks.example.com/", Body = """{"r":"{{rollout}}","x":"{{ env.HOME }}"}""" },
        });

        var result = SpecParser.Parse(spec, Context(HostAllowList.All));

        var error = Assert.Single(result.Errors);
        Assert.Equal("spec.notifications.sinks[0].webhook.body", error.Path);
        Assert.Contains("unknown placeholder {{env.HOME}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoKindsDuplicateNamesAndBadName_AreEachRefusedAtTheirField()
    {
        var spec = Specs.Canary();
        var hook = new WebhookSink { Url = "https://hooks.example.com/" };
        spec.Notifications = Notifications(
            new NotificationSink { Name = "a", Triggers = ["on-paused"], Webhook = hook, Slack = new SlackSink { Url = "https://hooks.example.com/s" } },
            new NotificationSink { Name = "b", Triggers = ["on-paused"], Webhook = hook },
            new NotificationSink { Name = "b", Triggers = ["on-paused"], Webhook = hook },
            new NotificationSink { Name = "Not_A_Label", Triggers = ["on-paused"], Webhook = hook });

        var paths = SpecParser.Parse(spec, Context(HostAllowList.All)).Errors.Select(e => e.Path).ToList();

        Assert.Equal(["spec.notifications.sinks[0]", "spec.notifications.sinks[2].name", "spec.notifications.sinks[3].name"], paths);
    }

    [Fact]
    public void Parse_SecretHeaderInOperatorDefaults_IsRefused()
    {
        var defaults = Notifications(new NotificationSink
        {
            Name = "platform",
            Triggers = ["on-aborted"],
            Webhook = new WebhookSink
            {
                Url = "https://hooks.example.com/",
                Headers = [new OutboundHeader { Name = "Authorization", SecretKeyRef = new SecretKeyRef { Name = "s", Key = "k" } }],
            },
        });

        var plan = NotificationParser.Parse(defaults, "notificationDefaults", HostAllowList.All, allowSecretHeaders: false, out var errors);

        Assert.Null(plan);
        Assert.Equal("notificationDefaults.sinks[0]", Assert.Single(errors).Path);
    }

    [Fact]
    public void Effective_RolloutSinkReplacesTheDefaultOfTheSameNameAndInheritDefaultsFalseDropsThemAll()
    {
        var url = new Uri("https://hooks.example.com/");
        NotificationSinkPlan Sink(string name, string trigger) => new(name, NotificationSinkKind.Webhook, new HashSet<string> { trigger }, url);
        IReadOnlyList<NotificationSinkPlan> defaults = [Sink("platform", "on-aborted"), Sink("audit", "on-promoted")];

        var merged = new NotificationPlan(true, [Sink("audit", "on-paused"), Sink("team", "on-promoted")]).Effective(defaults);
        var alone = new NotificationPlan(false, [Sink("team", "on-promoted")]).Effective(defaults);

        Assert.Equal(["platform", "audit", "team"], merged.Select(s => s.Name));
        Assert.Contains("on-paused", merged.Single(s => s.Name == "audit").Triggers);
        Assert.Equal(["team"], alone.Select(s => s.Name));
    }

    private static RolloutNotifications Notifications(params NotificationSink[] sinks) => new() { Sinks = [.. sinks] };

    private static ParseContext Context(HostAllowList outbound) =>
        ParseContext.Offline(
            [("success-rate", false, Specs.SuccessRateTemplate()), ("error-rate", true, Specs.ErrorRateTemplate())],
            policy: ProviderPolicy.Default with { OutboundHosts = outbound });

    private static HostAllowList Hosts(string text)
    {
        Assert.True(HostAllowList.TryParse(text, out var list, out _));
        return list;
    }
}
