using Microsoft.Extensions.Logging;

namespace RolloutOperator.Runtime.Informers;

internal static partial class InformerLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Listed {Count} objects of {Resource} at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, int count, string resource, string resourceVersion);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Watch of {Resource} ended ({Outcome}); reconnecting")]
    public static partial void WatchEnded(ILogger logger, string resource, WatchOutcome outcome);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Watch of {Resource} expired (410); relisting")]
    public static partial void Expired(ILogger logger, string resource);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "List/watch of {Resource} failed; retrying in {Delay}")]
    public static partial void Failed(ILogger logger, Exception exception, string resource, TimeSpan delay);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Watch of {Resource} silent for {Idle}; watchdog reconnects")]
    public static partial void WatchdogFired(ILogger logger, string resource, TimeSpan idle);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Informer handler for {Resource} threw on {Key}; continuing")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string resource, ObjectKey key);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Relist of {Resource} found {Key} gone; synthesising a delete")]
    public static partial void SynthesisedDelete(ILogger logger, string resource, ObjectKey key);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "{Resource} {Key} at resourceVersion {ResourceVersion} cannot be decoded and is skipped: {Error}")]
    public static partial void Undecodable(ILogger logger, string resource, ObjectKey key, string resourceVersion, string error);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "Informer transform for {Resource} threw on {Key}; caching the object untransformed")]
    public static partial void TransformFailed(ILogger logger, Exception exception, string resource, ObjectKey key);
}
