using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace RolloutOperator.ScaleBench;

/// <summary>
/// Makes the operator process run a full, compacting-if-needed garbage collection through the runtime's diagnostics
/// port (the GCHeapCollect keyword, as dotnet-gcdump uses), so the managed heap read afterwards is what is live rather
/// than whatever garbage the last list left behind.
/// </summary>
internal static class InducedGc
{
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    public static async Task CollectAsync(int pid, CancellationToken ct)
    {
        var client = new DiagnosticsClient(pid);
        EventPipeProvider[] providers = [new("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)];
        using var session = await client.StartEventPipeSessionAsync(providers, requestRundown: false, circularBufferMB: 16, ct);
        var drain = session.EventStream.CopyToAsync(Stream.Null, ct);
        // The collection runs when the session starts; give it time to finish before the session ends.
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await session.StopAsync(ct);
        await drain;
    }
}
