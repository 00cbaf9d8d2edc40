using BenchmarkDotNet.Attributes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Bench;

/// <summary>
/// <see cref="SpecParser.Parse"/> of the Gateway API canary sample (six steps, a step and a background analysis): the
/// controller parses the spec on every reconcile.
/// </summary>
[MemoryDiagnoser]
public class SpecParserBenchmarks
{
    private RolloutSpec? _spec;
    private ParseContext? _context;

    [GlobalSetup]
    public void Setup()
    {
        _spec = Samples.RolloutSpec(Samples.CanaryFile);
        _context = Samples.Context();
    }

    [Benchmark]
    public ParseResult ParseCanarySample() => SpecParser.Parse(
        _spec ?? throw new InvalidOperationException("Setup was not run"),
        _context ?? throw new InvalidOperationException("Setup was not run"));
}
