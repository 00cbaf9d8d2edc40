using BenchmarkDotNet.Attributes;
using RolloutOperator.Core.Analysis;

namespace RolloutOperator.Bench;

/// <summary>
/// <see cref="PromQlTemplate.Render"/> of the success-rate sample query: three placeholders (two arguments and a
/// built-in), each used twice, every value encoded for the string literal it lands in. Runs once per measurement.
/// </summary>
[MemoryDiagnoser]
public class PromQlTemplateBenchmarks
{
    public const string Template =
        "sum(rate(http_requests_total{namespace=\"{{args.namespace}}\", service=\"{{args.service}}\", revision=\"{{revision.canary}}\", code!~\"5..\"}[2m]))\n"
        + "/\n"
        + "sum(rate(http_requests_total{namespace=\"{{args.namespace}}\", service=\"{{args.service}}\", revision=\"{{revision.canary}}\"}[2m]))\n";

    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal)
    {
        ["args.namespace"] = "shop",
        ["args.service"] = "checkout",
        ["revision.canary"] = "checkout-7b9c5d",
    };

    [Benchmark]
    public RenderResult RenderSuccessRate() => PromQlTemplate.Render(Template, _variables);
}
