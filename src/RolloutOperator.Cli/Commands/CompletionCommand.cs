using System.CommandLine;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;

namespace RolloutOperator.Cli.Commands;

/// <summary>
/// Prints shell glue for System.CommandLine's built-in completion: every script calls the binary with the
/// <c>[suggest:POSITION] "COMMAND LINE"</c> directive, which answers with one candidate per line.
/// </summary>
internal static class CompletionCommand
{
    private const string Exe = "kubectl-rollout_operator";

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or kubectl (the kubectl_complete-rollout_operator helper for `kubectl rollout-operator <TAB>`)" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "kubectl");
        var command = new Command("completion", "Print a shell completion script") { shell };
        context.SetAction(command, (result, _) =>
        {
            var script = result.GetValue(shell) switch
            {
                "bash" => Bash,
                "zsh" => Zsh,
                _ => Kubectl,
            };
            context.Console.Profile.Out.Writer.Write(script);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private const string Bash = $$"""
        # {{Exe}} bash completion: source <({{Exe}} completion bash)
        _{{Exe}}_complete() {
          local IFS=$'\n'
          COMPREPLY=($(compgen -W "$({{Exe}} "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -F _{{Exe}}_complete {{Exe}}

        """;

    private const string Zsh = $$"""
        # {{Exe}} zsh completion: source <({{Exe}} completion zsh)
        _{{Exe}}_complete() {
          local -a candidates
          candidates=("${(@f)$({{Exe}} "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)}")
          compadd -a candidates
        }
        compdef _{{Exe}}_complete {{Exe}}

        """;

    // kubectl (1.26+) runs kubectl_complete-<plugin> with the words after the plugin name; the last is the one to complete.
    private const string Kubectl = $$"""
        #!/bin/sh
        # Save as kubectl_complete-rollout_operator on your PATH and chmod +x it.
        line="{{Exe}} $*"
        {{Exe}} "[suggest:${#line}]" "$line" 2>/dev/null
        echo ":4"

        """;
}
