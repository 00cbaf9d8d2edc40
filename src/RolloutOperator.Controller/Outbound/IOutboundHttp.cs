namespace RolloutOperator.Controller.Outbound;

/// <summary>Makes outbound calls under the operator's rules (<see cref="OutboundOptions"/>). Only the caller's cancellation throws.</summary>
internal interface IOutboundHttp
{
    Task<OutboundResponse> SendAsync(OutboundRequest request, CancellationToken cancellationToken);
}
