using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RolloutOperator.Configuration;
using RolloutOperator.Controller.Composition;

namespace RolloutOperator.Hosting;

/// <summary>
/// The OTLP trace exporter, only with --tracing. Everything else (endpoint, protocol, headers, sampler, batching,
/// service name and resource attributes) comes from the standard OTEL_* environment variables, read by the SDK itself.
/// </summary>
internal static class OperatorTracing
{
    public const string DefaultServiceName = "rollout-operator";

    public static void Add(IServiceCollection services, OperatorOptions options)
    {
        if (!options.Tracing)
        {
            return;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // A later detector overrides an earlier one: OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over these defaults.
                resource.AddService(DefaultServiceName, serviceInstanceId: options.PodName).AddEnvironmentVariableDetector();
            })
            .WithTracing(tracing => tracing.AddSource(RolloutControllerServices.TraceSourceName).AddOtlpExporter());
    }
}
