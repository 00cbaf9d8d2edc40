using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>spec.webhooks is written by someone the operator does not trust: every bound is checked at its field.</summary>
public sealed class WebhookParsingTests
{
    private static Webhook Valid(string name = "smoke", WebhookType type = WebhookType.PreRollout) => new()
    {
        Name = name,
        Type = type,
        Url = "https://hooks.example/smoke",
    };

    public static TheoryData<string, Action<Webhook>, string> Invalid => new()
    {
        { "bad name", w => w.Name = "Smoke_Test", "spec.webhooks[0].name" },
        { "no type", w => w.Type = null, "spec.webhooks[0].type" },
        { "unknown type", w => w.Type = (WebhookType)42, "spec.webhooks[0].type" },
        { "relative url", w => w.Url = "/smoke", "spec.webhooks[0].url" },
        { "user info", w => w.Url = "https://u:p@hooks.example/", "spec.webhooks[0].url" },
        { "zero timeout", w => w.Timeout = "0s", "spec.webhooks[0].timeout" },
        { "huge timeout", w => w.Timeout = "10m", "spec.webhooks[0].timeout" },
        { "busy interval", w => w.Interval = "0s", "spec.webhooks[0].interval" },
        { "bad interval", w => w.Interval = "soon", "spec.webhooks[0].interval" },
        { "negative limit", w => w.FailureLimit = -1, "spec.webhooks[0].failureLimit" },
        { "huge limit", w => w.FailureLimit = 1000, "spec.webhooks[0].failureLimit" },
        { "header injection", w => w.Headers = [new OutboundHeader { Name = "X-A", Value = "a\nb" }], "spec.webhooks[0].headers[0].value" },
        { "long metadata", w => w.Metadata = new() { ["k"] = new string('x', 300) }, "spec.webhooks[0].metadata.k" },
        { "many metadata", w => w.Metadata = Enumerable.Range(0, 17).ToDictionary(i => $"k{i}", _ => "v"), "spec.webhooks[0].metadata" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_InvalidWebhook_IsInvalidSpecAtItsField(string scenario, Action<Webhook> change, string path)
    {
        var webhook = Valid();
        change(webhook);

        var result = SpecParser.Parse(Specs.Canary().Mutate(s => s.Webhooks = [webhook]), Specs.Context());

        Assert.True(result.Plan is null, scenario);
        Assert.Contains(result.Errors, e => e.Path == path);
    }

    [Fact]
    public void Parse_TooManyOrDuplicateWebhooks_AreRefused()
    {
        var many = SpecParser.Parse(Specs.Canary().Mutate(s => s.Webhooks = [.. Enumerable.Range(0, 17).Select(i => Valid($"w{i}"))]), Specs.Context());
        var twice = SpecParser.Parse(Specs.Canary().Mutate(s => s.Webhooks = [Valid("a"), Valid("a")]), Specs.Context());

        Assert.Equal("spec.webhooks", Assert.Single(many.Errors).Path);
        Assert.Equal("spec.webhooks[1].name", Assert.Single(twice.Errors).Path);
    }

    [Fact]
    public void Parse_HostOutsideOutboundAllowList_IsRefusedAtTheUrl()
    {
        Assert.True(HostAllowList.TryParse("ci.internal", out var hosts, out _));
        var context = Specs.Context() with { Policy = ProviderPolicy.Default with { OutboundHosts = hosts } };

        var result = SpecParser.Parse(Specs.Canary().Mutate(s => s.Webhooks = [Valid()]), context);

        var error = Assert.Single(result.Errors);
        Assert.Equal("spec.webhooks[0].url", error.Path);
        Assert.Contains("--outbound-allowed-hosts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConfirmTrafficIncreaseOnBlueGreen_IsRefused()
    {
        var result = SpecParser.Parse(Specs.BlueGreen().Mutate(s => s.Webhooks = [Valid(type: WebhookType.ConfirmTrafficIncrease)]), Specs.Context());

        Assert.Equal("spec.webhooks[0].type", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Parse_ValidWebhook_AppliesDefaults()
    {
        var result = SpecParser.Parse(Specs.Canary().Mutate(s => s.Webhooks = [Valid(), Valid("note", WebhookType.Event)]), Specs.Context());

        var plan = Assert.Single(result.Plan!.Webhooks, w => w.Name == "smoke");
        Assert.Equal(TimeSpan.FromSeconds(10), plan.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(10), plan.Interval);
        Assert.Equal(0, plan.FailureLimit);
        Assert.Equal(new Uri("https://hooks.example/smoke"), plan.Url);
        Assert.Equal(2, result.Plan.Webhooks.Count);
    }
}
