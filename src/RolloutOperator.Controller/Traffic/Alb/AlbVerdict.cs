namespace RolloutOperator.Controller.Traffic.Alb;

/// <summary>What the load balancer controller's Events say about the last write; <see cref="Reason"/> is set when rejected.</summary>
internal sealed record AlbVerdict(bool InForce, bool Known, string? Reason)
{
    public static AlbVerdict NoSignal { get; } = new(InForce: true, Known: false, null);

    public static AlbVerdict Accepted { get; } = new(InForce: true, Known: true, null);

    public static AlbVerdict Pending { get; } = new(InForce: false, Known: true, null);

    public static AlbVerdict Rejected(string reason) => new(InForce: false, Known: true, reason);
}
