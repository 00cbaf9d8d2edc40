using CsCheck;

namespace RolloutOperator.Core.Tests.Parsing.Hostile;

/// <summary>Generators of hostile values and of mutated specs.</summary>
public static class HostileGenerators
{
    private static readonly string[] Texts =
    [
        "99999999999999999999", "9999999999999", "99999999999h", "30\n", "30s\n", "\n30s", "8761h", "8760h", "365d", "1.5s",
        "0", "-1", "-1s", "1e309", "NaN", "Infinity", "", " ", "%", "101%", "-5%", "2147483648%", "99999999999%", "50%\n",
        "2147483647", "-2147483648", "\u0000", "é", "🙂", "\ud800", "a{{", "{{args.service}}", "}}{{", "{{rollout.name}}\"",
        "{{args.nope}}", "\"", "`", "'", "a)|(.*", "(", "[", "\\", "*", "(?<x>a)\\k<x>", "(a+)+$", "result[0] >= 0.99",
        "result >", "results.all(r, r >= 0)", "true", "1/0 > 1", "and\n", "5m\n", "x\ny", "a b=c", "-", "app", "app\n",
        "In", "Exists", "gatewayAPI", "nginx", "http://", "ftp://x", "http://prometheus:9090", "Deployment", "apps/v2",
        "{\"a\":1}", "0.0", "1e3", "..", "1h30m", "250ms", "00000000000000000000000000000000000001s",
    ];

    private static readonly long[] Numbers =
    [
        0, -1, 1, 100, 101, -100, int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MaxValue, long.MinValue,
        21_474_837, 1_000_000_000, 65_536, 9_999_999_999_999,
    ];

    public static Gen<string> Text { get; } = Gen.Frequency(
        (8, Gen.Int[0, Texts.Length - 1].Select(i => Texts[i])),
        (3, Gen.String[Gen.Char["0123456789.hms%-+ \n\t{}()[]|\\\"'`=~!abcxyz_é\ud83d\ude00\u0000"], 0, 30]),
        (1, Gen.Int[1, 400].Select(n => new string('9', n))),
        (1, Gen.Int[1, 3000].Select(n => new string('(', n) + "true" + new string(')', n))),
        (1, Gen.Int[1, 3000].Select(n => string.Concat(Enumerable.Repeat("!", n)) + "true")),
        (1, Gen.Int[1, 20_000].Select(n => new string('a', n))),
        (1, Gen.String));

    public static Gen<long> Number { get; } = Gen.Frequency(
        (3, Gen.Int[0, Numbers.Length - 1].Select(i => Numbers[i])),
        (1, Gen.Long),
        (1, Gen.Int[-200, 200].Select(i => (long)i)));

    public static Gen<SpecMutation> Mutation { get; } = Gen.Select(
        Gen.Frequency((4, Gen.Const(0)), (1, Gen.Int[1, 4])),
        Gen.Int[0, int.MaxValue],
        Gen.Enum<MutationKind>(),
        Text,
        Number,
        Gen.Int[1, 300],
        (document, target, kind, text, number, depth) => new SpecMutation(document, target, kind, text, number, depth));

    public static Gen<HostileCase> Case { get; } = Gen.Select(
        Gen.Int[0, HostileSeeds.All.Count - 1],
        Mutation.Array[0, 4],
        Gen.Frequency((12, Gen.Const(0)), (1, Gen.Int[1, 5000])),
        (seed, mutations, deep) => new HostileCase(seed, mutations, deep));
}
