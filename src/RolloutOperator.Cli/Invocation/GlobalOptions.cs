using System.CommandLine;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Kube;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Invocation;

/// <summary>kubectl's standard flags, recursive so they are accepted before or after the subcommand.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)", Recursive = true };

    public Option<string?> Context { get; } = new("--context") { Description = "The kubeconfig context to use", Recursive = true };

    public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "Namespace (default: the context's namespace, else \"default\")", Recursive = true };

    public Option<string?> RequestTimeout { get; } = new("--request-timeout") { Description = "Timeout of a single API request, e.g. 30s or 1m; 0 means none", Recursive = true };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "Disable colours (also when NO_COLOR is set)", Recursive = true };

    public void AddTo(Command root)
    {
        root.Add(Kubeconfig);
        root.Add(Context);
        root.Add(Namespace);
        root.Add(RequestTimeout);
        root.Add(NoColor);
    }

    public KubeSettings Settings(ParseResult result)
    {
        var timeout = result.GetValue(RequestTimeout);
        TimeSpan? parsed = null;
        if (!string.IsNullOrEmpty(timeout))
        {
            parsed = Durations.TryParse(timeout, out var value)
                ? value
                : throw new CliException($"invalid --request-timeout \"{timeout}\": use a duration such as 30s or 1m", ExitCodes.Usage);
        }

        return new KubeSettings(result.GetValue(Kubeconfig), result.GetValue(Context), result.GetValue(Namespace), parsed);
    }
}
