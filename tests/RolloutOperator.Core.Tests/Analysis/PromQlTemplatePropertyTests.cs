using CsCheck;
using RolloutOperator.Core.Analysis;

namespace RolloutOperator.Core.Tests.Analysis;

public sealed class PromQlTemplatePropertyTests
{
    private static readonly string[] Templates =
    [
        "sum(rate(http_requests_total{job=\"{{args.v}}\",code!~\"5..\"}[5m])) / sum(rate(http_requests_total{job=\"{{args.v}}\"}[5m]))",
        "up{instance='{{args.v}}'} # a comment with \"quotes\"\n+ on() vector(0)",
        "count(x{a=\"\\\"}{\", b=`{{args.v}}`, c='{{args.v}}'})",
        "histogram_quantile(0.99, sum by (le) (rate(latency_bucket{svc=\"{{args.v}}\"}[1m])))",
    ];

    private static readonly string[] Nasty =
    [
        "\"}) or vector(1) #", "'}) or vector(1) #", "`}) or vector(1) #", "\\", "\\\"", "{{args.v}}", "}}", "\n", "\r\n",
        "\u0000", "\u007f", "\u2028", "é", "😀", "\ud800", "\\x41", "#",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["\"'`\\{}#\n\r\t()[]=~!, abc\u0001\u00e9\ud83d\ude00"], 0, 40],
        Gen.OneOf(Nasty.Select(Gen.Const).ToArray()).Array[1, 5].Select(string.Concat));

    [Fact]
    public void Render_HostileValueInsideQuotes_CannotChangeQueryStructure()
    {
        Gen.Select(Gen.OneOf(Templates.Select(Gen.Const).ToArray()), Hostile).Sample((template, value) =>
        {
            var benign = PromQlTemplate.Render(template, new Dictionary<string, string> { ["args.v"] = "benign" });
            var hostile = PromQlTemplate.Render(template, new Dictionary<string, string> { ["args.v"] = value });
            if (!hostile.Succeeded)
            {
                // The only refusal inside quotes: a backtick cannot live in a raw string.
                Assert.Contains('`', value);
                return;
            }

            var (expectedTokens, _) = PromQlTokenizer.Tokenize(benign.Query!);
            var (tokens, strings) = PromQlTokenizer.Tokenize(hostile.Query!);
            Assert.Equal(expectedTokens, tokens);
            Assert.Contains(WithoutLoneSurrogates(value), strings);
        }, iter: 5_000);
    }

    [Fact]
    public void Render_HostileValueOutsideQuotes_IsRejectedOrSingleToken()
    {
        Hostile.Sample(value =>
        {
            const string Template = "rate(x[{{args.v}}]) > 1";
            var result = PromQlTemplate.Render(Template, new Dictionary<string, string> { ["args.v"] = value });
            if (result.Succeeded)
            {
                var benign = PromQlTemplate.Render(Template, new Dictionary<string, string> { ["args.v"] = "5m" });
                var (expected, _) = PromQlTokenizer.Tokenize(benign.Query!);
                var (tokens, _) = PromQlTokenizer.Tokenize(result.Query!);
                Assert.Equal(expected.Select(t => t.Kind), tokens.Select(t => t.Kind));
            }
        }, iter: 5_000);
    }

    private static string WithoutLoneSurrogates(string value)
    {
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
