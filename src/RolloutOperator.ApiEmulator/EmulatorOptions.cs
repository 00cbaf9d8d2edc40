using Microsoft.Extensions.Logging;

namespace RolloutOperator.ApiEmulator;

/// <summary>Settings of one emulator instance.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Clock for timestamps, ready delays, bookmarks, watch timeouts and injected latency.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long after a Deployment's spec changes its replicas become ready and available.</summary>
    public TimeSpan DefaultReadyDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Events kept for watch-from-resourceVersion; older versions get 410 Expired.</summary>
    public int WatchHistoryCapacity { get; init; } = 1000;

    /// <summary>Interval of BOOKMARK events on watches that allow them.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Server-side watch timeout when the client sends no timeoutSeconds.</summary>
    public TimeSpan DefaultWatchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public ILoggerFactory? LoggerFactory { get; init; }
}
