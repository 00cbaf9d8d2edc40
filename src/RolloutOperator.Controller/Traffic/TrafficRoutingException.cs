namespace RolloutOperator.Controller.Traffic;

/// <summary>
/// The routing configuration cannot work as written (route or Ingress missing, no backendRef to the stable Service,
/// a write the API server rejects as invalid). The message is meant for a status condition, so it names the object.
/// </summary>
internal sealed class TrafficRoutingException : Exception
{
    public TrafficRoutingException()
    {
    }

    public TrafficRoutingException(string message)
        : base(message)
    {
    }

    public TrafficRoutingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
