using RolloutOperator.Sandbox.Commands;
using RolloutOperator.Sandbox.Options;
using RolloutOperator.Sandbox.Progress;

namespace RolloutOperator.Sandbox;

/// <summary>
/// The entry point without the process around it: arguments, environment, output and a token in; exit code out. Every
/// component is stopped and the directory removed before this returns, whether the command ended or was cancelled.
/// </summary>
internal static class SandboxApp
{
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, Func<SandboxOptions, ISandboxOutput> outputFor, Func<string, string?> environment, TimeProvider time, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outputFor);
        ArgumentNullException.ThrowIfNull(error);
        SandboxOptions options;
        try
        {
            options = SandboxCommandLine.Parse(args, environment);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"rollout-sandbox: {e.Message}\n{SandboxCommandLine.Usage}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return 2;
        }

        var output = outputFor(options);
        try
        {
            return options.Command switch
            {
                SandboxCommand.Demo => await DemoCommand.RunAsync(options, output, time, cancellationToken).ConfigureAwait(false),
                SandboxCommand.Apply => await ApplyCommand.RunAsync(options, output, time, cancellationToken).ConfigureAwait(false),
                SandboxCommand.Up => await UpCommand.RunAsync(options, output, time, cancellationToken).ConfigureAwait(false),
                _ => Help(output),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.Warn("interrupted; everything the sandbox started has been stopped");
            return Interrupted;
        }
        catch (Exception e) when (e is ArgumentException or IOException or FormatException or NotSupportedException or YamlDotNet.Core.YamlException or k8s.Autorest.HttpOperationException)
        {
            output.Failure(e is k8s.Autorest.HttpOperationException http ? $"{e.Message}: {http.Response.Content}" : e.Message);
            return 1;
        }
    }

    private static int Help(ISandboxOutput output)
    {
        output.Info(SandboxCommandLine.Usage);
        return 0;
    }
}
