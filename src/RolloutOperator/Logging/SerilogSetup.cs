using RolloutOperator.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace RolloutOperator.Logging;

/// <summary>
/// Compact JSON on stdout (one event per line; scope properties such as rollout, namespace, revision, step and
/// ReconcileId become fields), or a readable console format. Log calls never carry secret values: credentials are
/// read by providers and never passed to a logger.
/// </summary>
internal static class SerilogSetup
{
    public static void Configure(LoggerConfiguration logger, OperatorOptions options)
    {
        var level = Enum.TryParse<LogEventLevel>(options.LogLevel, ignoreCase: true, out var parsed) ? parsed : LogEventLevel.Information;
        logger.MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .Enrich.FromLogContext();
        if (string.Equals(options.LogFormat, "console", StringComparison.OrdinalIgnoreCase))
        {
            logger.WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            logger.WriteTo.Console(new RenderedCompactJsonFormatter());
        }
    }
}
