using System.Text;
using RolloutOperator.Controller.Analysis;

namespace RolloutOperator.Controller.Tests.Analysis;

public sealed class SecretScrubberTests
{
    [Theory]
    [InlineData("raw", "query failed for tenant acme\"42\\x", "acme\"42\\x")]
    [InlineData("PromQL double-quoted", "parse error near \"acme\\\"42\\\\x\"", "acme\"42\\x")]
    [InlineData("PromQL single-quoted", "near 'it\\'s'", "it's")]
    [InlineData("quoted again by %q", "\"x{t=\\\"acme\\\\\\\"42\\\"}\"", "acme\"42")]
    [InlineData("regex-quoted", "error parsing regexp: a\\.b\\(", "a.b(")]
    [InlineData("URL-encoded", "GET /api?query=x%7Bt%3D%22a%20b%22%7D", "a b")]
    [InlineData("form-encoded", "query=a+b%26c", "a b&c")]
    [InlineData("JSON-escaped", "{\"error\":\"a\\\"b\\u003cc\"}", "a\"b<c")]
    [InlineData("padded value", "token s3cret rejected", " s3cret\n")]
    public void Scrub_SecretInAnEncoding_IsMasked(string encoding, string text, string secret)
    {
        var scrubber = new SecretScrubber();
        scrubber.Add(secret);

        var scrubbed = scrubber.Scrub(text);

        Assert.True(scrubbed.Contains(SecretScrubber.Mask, StringComparison.Ordinal), $"{encoding}: {scrubbed}");
        Assert.DoesNotContain(secret.Trim(), scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_BasicAuthHeader_IsMaskedAsBase64()
    {
        var scrubber = new SecretScrubber();
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:p4ss"));
        scrubber.AddBasicAuth("alice", "p4ss", header);

        Assert.Equal("auth Basic *** for *** with ***", scrubber.Scrub($"auth Basic {header} for alice with p4ss"));
    }

    [Fact]
    public void Scrub_OverlappingSecrets_MasksTheLongerWhole()
    {
        var scrubber = new SecretScrubber();
        scrubber.Add("abc");
        scrubber.Add("xxabcxx");

        Assert.Equal("[***] [***]", scrubber.Scrub("[xxabcxx] [abc]"));
    }

    [Fact]
    public void Bound_LongText_IsCutTo512CharactersAfterScrubbing()
    {
        var scrubber = new SecretScrubber();
        var secret = "SECRET-" + new string('s', 40);
        scrubber.Add(secret);

        // The secret straddles the cut: cutting before scrubbing would leave its first characters.
        var bounded = scrubber.Bound(new string('a', 500) + secret + new string('b', 100_000));

        Assert.Equal(SecretScrubber.MaxLength, bounded.Length);
        Assert.DoesNotContain("SECRET", bounded, StringComparison.Ordinal);
        Assert.EndsWith("…", bounded, StringComparison.Ordinal);
    }

    [Fact]
    public void Bound_ShortText_IsUnchangedWithoutSecrets()
    {
        Assert.Equal("HTTP 400 Bad Request", new SecretScrubber().Bound("HTTP 400 Bad Request"));
    }
}
