using System.Globalization;

namespace RolloutOperator.ScaleBench;

/// <summary>What one benchmark run measures; parsed from the command line (see docs/benchmarks.md).</summary>
internal sealed record BenchOptions
{
    /// <summary>Idle Rollouts per size; every figure is measured once per size.</summary>
    public IReadOnlyList<int> Rollouts { get; init; } = [1000, 10000];

    /// <summary>Unrelated Deployments and (as many) Services in the cluster besides the Rollouts' own objects.</summary>
    public int Unrelated { get; init; } = 10000;

    /// <summary>How long idle writes are counted for; the per-hour figure is extrapolated from it.</summary>
    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Rollouts changed at once for the step-lateness figure (capped at the size).</summary>
    public int Progressing { get; init; } = 1000;

    /// <summary>Rollouts changed at once for the second reaction figure.</summary>
    public int ReactionBatch { get; init; } = 100;

    /// <summary>Samples of the one-at-a-time reaction figure.</summary>
    public int ReactionSamples { get; init; } = 10;

    /// <summary>Rollouts with a background analysis for the query-count figure, and how long their analysis is watched.</summary>
    public int AnalysisRollouts { get; init; } = 10;

    public TimeSpan AnalysisWindow { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>Length of each of the two canary pauses (the figure uses 10 s; the CI variant shortens it).</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the operator idles after its queue drained before memory is read.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// From this size up, also measure memory after restarts with the cache transforms on and off
    /// (--cache-transforms false); two more cold starts, so by default only at 10k.
    /// </summary>
    public int CompareTransformsFrom { get; init; } = 10000;

    /// <summary>Extra operator flags, e.g. "--workers 8 --qps 100".</summary>
    public IReadOnlyList<string> OperatorArgs { get; init; } = [];

    /// <summary>Where the raw results (JSON and Markdown) are written.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("bench", "results");

    /// <summary>Run against the cluster of this kubeconfig instead of the in-process API emulator (see docs/benchmarks.md).</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The kubeconfig context; its current context when unset.</summary>
    public string? Context { get; init; }

    /// <summary>Prefix of the namespaces a --kubeconfig run creates (and deletes at the end).</summary>
    public string NamespacePrefix { get; init; } = "rollout-bench";

    /// <summary>The benchmark's own client-side limit (requests per second, with as large a burst) against a real cluster.</summary>
    public int ClientQps { get; init; } = 100;

    /// <summary>Objects seeded at once against a real cluster.</summary>
    public int SeedConcurrency { get; init; } = 8;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--rollouts" => options with { Rollouts = value.Split(',').Select(Int).ToList() },
                "--unrelated" => options with { Unrelated = Int(value) },
                "--idle-window" => options with { IdleWindow = TimeSpan.FromSeconds(Int(value)) },
                "--progressing" => options with { Progressing = Int(value) },
                "--reaction-batch" => options with { ReactionBatch = Int(value) },
                "--reaction-samples" => options with { ReactionSamples = Int(value) },
                "--analysis-rollouts" => options with { AnalysisRollouts = Int(value) },
                "--analysis-window" => options with { AnalysisWindow = TimeSpan.FromSeconds(Int(value)) },
                "--pause" => options with { Pause = TimeSpan.FromSeconds(Int(value)) },
                "--settle" => options with { Settle = TimeSpan.FromSeconds(Int(value)) },
                "--compare-transforms-from" => options with { CompareTransformsFrom = Int(value) },
                "--operator-args" => options with { OperatorArgs = value.Split(' ', StringSplitOptions.RemoveEmptyEntries) },
                "--out" => options with { OutputDirectory = value },
                "--kubeconfig" => options with { Kubeconfig = value },
                "--context" => options with { Context = value },
                "--namespace-prefix" => options with { NamespacePrefix = Label(value, args[i]) },
                "--client-qps" => options with { ClientQps = Positive(value, args[i]) },
                "--seed-concurrency" => options with { SeedConcurrency = Positive(value, args[i]) },
                _ => throw new ArgumentException($"unknown option {args[i]}; see docs/benchmarks.md"),
            };
            i++;
        }

        return options;
    }

    private static int Positive(string text, string option) =>
        Int(text) is > 0 and var n ? n : throw new ArgumentException($"{option} must be a positive number, not {text}");

    /// <summary>The namespaces are PREFIX-RUNID-analysis: the prefix must leave a valid DNS label (63 characters at most).</summary>
    private static string Label(string text, string option) =>
        text.Length is > 0 and <= 40 && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && char.IsAsciiLetterLower(text[0]) && text[^1] != '-'
            ? text
            : throw new ArgumentException($"{option} must be 1-40 lower-case letters, digits and '-', starting with a letter and not ending with '-', not {text}");

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
