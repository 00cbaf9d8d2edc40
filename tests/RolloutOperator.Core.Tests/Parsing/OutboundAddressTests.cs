using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>The one rule for every address a namespaced object makes the operator call, and the headers it may send.</summary>
public sealed class OutboundAddressTests
{
    [Theory]
    [InlineData(null, "", "url is required")]
    [InlineData("hooks.example/gate", "", "must be an absolute http or https URL")]
    [InlineData("ftp://hooks.example/gate", "", "must be an absolute http or https URL")]
    [InlineData("https://user:pw@hooks.example/gate", "", "must not contain user info")]
    [InlineData("https://evil.example/gate", "hooks.example", "is not in the operator's --outbound-allowed-hosts (hooks.example)")]
    [InlineData("http://hooks.example:8080/gate", "hooks.example:443", "--outbound-allowed-hosts")]
    public void Check_RefusedAddress_IsErrorAtItsField(string? address, string allowed, string expected)
    {
        var errors = new SpecErrors();

        var uri = OutboundAddress.Check(address, "spec.webhooks[0].url", Hosts(allowed), errors);

        Assert.Null(uri);
        var error = Assert.Single(errors.All);
        Assert.Equal("spec.webhooks[0].url", error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://hooks.example/gate?x=1", "hooks.example")]
    [InlineData("http://127.0.0.1:8080/", "")]
    public void Check_AllowedAddress_IsParsed(string address, string allowed)
    {
        var errors = new SpecErrors();

        var uri = OutboundAddress.Check(address, "spec.webhooks[0].url", Hosts(allowed), errors);

        Assert.Empty(errors.All);
        Assert.Equal(new Uri(address), uri);
    }

    [Fact]
    public void Check_TooLongAddress_IsRefused()
    {
        var errors = new SpecErrors();

        OutboundAddress.Check("https://hooks.example/" + new string('a', 3000), "u", HostAllowList.All, errors);

        Assert.Contains("at most 2048", Assert.Single(errors.All).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_DropsQueryAndUserInfo() =>
        Assert.Equal("https://hooks.example/gate", OutboundAddress.Display(new Uri("https://u:p@hooks.example/gate?token=s3cret")));

    [Theory]
    [InlineData("X-Team", "a", null, null)]
    [InlineData("Authorization", null, "hook-token", null)]
    [InlineData("Bad Name", "a", null, "spec.webhooks[0].headers[0].name")]
    [InlineData("Host", "a", null, "spec.webhooks[0].headers[0].name")]
    [InlineData("X-Both", "a", "hook-token", "spec.webhooks[0].headers[0]")]
    [InlineData("X-Neither", null, null, "spec.webhooks[0].headers[0]")]
    [InlineData("X-Split", "a\r\nHost: evil", null, "spec.webhooks[0].headers[0].value")]
    public void CheckHeaders_Cases(string name, string? value, string? secret, string? errorPath)
    {
        var errors = new SpecErrors();
        var header = new OutboundHeader
        {
            Name = name,
            Value = value,
            SecretKeyRef = secret is null ? null : new SecretKeyRef { Name = secret, Key = "token" },
        };

        OutboundHeaders.Check([header], "spec.webhooks[0].headers", errors);

        Assert.Equal(errorPath, errors.All.SingleOrDefault()?.Path);
    }

    [Fact]
    public void CheckHeaders_TooManyOrDuplicate_AreRefused()
    {
        var many = new SpecErrors();
        OutboundHeaders.Check(Enumerable.Range(0, 17).Select(i => new OutboundHeader { Name = $"X-{i}", Value = "v" }).ToList(), "h", many);
        var duplicate = new SpecErrors();
        OutboundHeaders.Check([new() { Name = "X-A", Value = "1" }, new() { Name = "x-a", Value = "2" }], "h", duplicate);

        Assert.Equal("h", Assert.Single(many.All).Path);
        Assert.Equal("h[1].name", Assert.Single(duplicate.All).Path);
    }

    private static HostAllowList Hosts(string text)
    {
        Assert.True(HostAllowList.TryParse(text, out var list, out var error), error);
        return list;
    }
}
