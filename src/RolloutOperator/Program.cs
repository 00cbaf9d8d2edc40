using RolloutOperator.Configuration;

namespace RolloutOperator;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = OperatorHost.Build(args);
        }
        catch (OperatorConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"rollout-operator: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (app.ConfigureAwait(false))
        {
            await app.RunAsync().ConfigureAwait(false);
            return app.GetExitCode();
        }
    }
}
