using RolloutOperator.Sandbox.Options;
namespace RolloutOperator.Sandbox;

/// <summary>A deliberately small parser: a handful of flags, no dependency, errors that say what was wrong.</summary>
internal static class SandboxCommandLine
{
    public const string Usage = """
        usage: rollout-sandbox [up] [--rollout NAME] [-n NAMESPACE]
               rollout-sandbox demo [--non-interactive]
               rollout-sandbox apply -f FILE [-f FILE ...] [--prometheus URL] [--stay]
        common flags: --non-interactive, --prometheus-bin PATH (or SANDBOX_PROMETHEUS_BIN), --crds PATH (repeatable)
        """;

    public static SandboxOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var options = new SandboxOptions { PrometheusBinary = environment("SANDBOX_PROMETHEUS_BIN") };
        var files = new List<string>();
        var crds = new List<string>();
        var index = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            options = options with { Command = ParseCommand(args[0]) };
            index = 1;
        }

        for (; index < args.Count; index++)
        {
            var flag = args[index];
            string Value() => ++index < args.Count ? args[index] : throw new ArgumentException($"{flag} needs a value");
            options = flag switch
            {
                "--non-interactive" => options with { NonInteractive = true },
                "--stay" => options with { Stay = true },
                "-f" or "--filename" => Add(options, files, Value()),
                "--crds" => Add(options, crds, Value()),
                "--prometheus" => options with { PrometheusUrl = ParseUrl(Value()) },
                "--prometheus-bin" => options with { PrometheusBinary = Value() },
                "--rollout" => options with { Rollout = Value() },
                "-n" or "--namespace" => options with { Namespace = Value() },
                "-h" or "--help" => options with { Command = SandboxCommand.Help },
                _ => throw new ArgumentException($"unknown flag {flag}"),
            };
        }

        if (options.Command == SandboxCommand.Apply && files.Count == 0)
        {
            throw new ArgumentException("apply needs at least one -f FILE");
        }

        return options with { Files = files, ExtraCrds = crds };
    }

    private static SandboxOptions Add(SandboxOptions options, List<string> list, string value)
    {
        list.Add(value);
        return options;
    }

    private static SandboxCommand ParseCommand(string word) => word switch
    {
        "up" => SandboxCommand.Up,
        "demo" => SandboxCommand.Demo,
        "apply" => SandboxCommand.Apply,
        "help" => SandboxCommand.Help,
        _ => throw new ArgumentException($"unknown command {word}"),
    };

    private static Uri ParseUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"--prometheus must be an http(s) URL, got {value}");
}
