using CsCheck;
using RolloutOperator.Core.Tests.Parsing.Hostile;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>
/// No spec can crash, stall or silently rewrite a rollout: over generated and mutated specs, parsing and deciding never
/// throw, every error names its field, and an invalid spec changes no traffic. Runs a fixed seed list (reproducible in
/// CI) and one random seed per run (printed by CsCheck on failure, to be added to the list).
/// </summary>
public sealed class HostileSpecProperties
{
    private const int Iterations = 10_000;

    public static TheoryData<string> FixedSeeds => ["0000000000001", "1oteJ89Foa22", "8fRZpsM1i221"];

    [Fact]
    public void Seeds_UnmutatedParseWithoutErrors()
    {
        for (var i = 0; i < HostileSeeds.All.Count; i++)
        {
            Assert.Equal(HostileOutcome.Valid, HostilePipeline.Run(new HostileCase(i, [], 0)));
        }
    }

    [Theory]
    [MemberData(nameof(FixedSeeds))]
    public void MutatedSpecs_FixedSeed_NeverThrowAndInvalidChangesNothing(string seed) => Check(seed, Iterations / 10);

    [Fact]
    public void MutatedSpecs_RandomSeed_NeverThrowAndInvalidChangesNothing() => Check(null, Iterations);

    private static void Check(string? seed, int iterations)
    {
        var outcomes = new int[Enum.GetValues<HostileOutcome>().Length];
        HostileGenerators.Case.Sample(
            hostile => Interlocked.Increment(ref outcomes[(int)HostilePipeline.Run(hostile)]),
            seed: seed,
            iter: iterations,
            print: hostile => hostile.ToString());

        // The property means something only if mutations reach both the parser's errors and the engine.
        Assert.True(outcomes[(int)HostileOutcome.Invalid] > iterations / 10, $"too few invalid specs: {string.Join(",", outcomes)}");
        Assert.True(outcomes[(int)HostileOutcome.Valid] > iterations / 20, $"too few valid specs: {string.Join(",", outcomes)}");
    }
}
