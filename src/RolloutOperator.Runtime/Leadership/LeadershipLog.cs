using Microsoft.Extensions.Logging;

namespace RolloutOperator.Runtime.Leadership;

internal static partial class LeadershipLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "{Identity} became leader of lease {Lease}")]
    public static partial void StartedLeading(ILogger logger, string identity, string lease);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "{Identity} lost leadership of lease {Lease}")]
    public static partial void StoppedLeading(ILogger logger, string identity, string lease);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Lease {Lease} is held by {Leader}")]
    public static partial void NewLeader(ILogger logger, string lease, string leader);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Lease {Lease} request failed with HTTP {StatusCode}: {Body}")]
    public static partial void HttpError(ILogger logger, string lease, int statusCode, string? body);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Leader election on lease {Lease} failed")]
    public static partial void ElectionError(ILogger logger, Exception exception, string lease);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "{Identity} could not renew lease {Lease} within the renew deadline of {RenewDeadlineSeconds}s; it stops writing now, before the lease can expire")]
    public static partial void RenewDeadlinePassed(ILogger logger, string identity, string lease, double renewDeadlineSeconds);
}
