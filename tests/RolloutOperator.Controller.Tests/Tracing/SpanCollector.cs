using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using RolloutOperator.Controller.Tracing;

namespace RolloutOperator.Controller.Tests.Tracing;

/// <summary>
/// A tracer provider with the in-memory exporter on the rollout source. Tests in this process run in parallel and share
/// the source, so each reads only the spans of its own trace id.
/// </summary>
internal sealed class SpanCollector : IDisposable
{
    private readonly List<Activity> _exported = [];
    private readonly TracerProvider _provider;

    public SpanCollector() =>
        _provider = Sdk.CreateTracerProviderBuilder().AddSource(RolloutTracer.SourceName).AddInMemoryExporter(_exported).Build()!;

    public IReadOnlyList<Activity> Of(string traceId)
    {
        lock (_exported)
        {
            return [.. _exported.Where(a => a.TraceId.ToHexString() == traceId)];
        }
    }

    public IReadOnlyList<Activity> OfRollout(string uid)
    {
        lock (_exported)
        {
            return [.. _exported.Where(a => a.GetTagItem(Core.Tracing.SpanAttributes.RolloutUid) as string == uid)];
        }
    }

    public void Dispose() => _provider.Dispose();
}
