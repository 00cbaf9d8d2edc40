namespace RolloutOperator.Runtime.Controllers;

public sealed record ControllerOptions
{
    /// <summary>Name used in metrics, logs and log scopes.</summary>
    public required string Name { get; init; }

    public int Workers { get; init; } = 2;

    /// <summary>Upper bound for one reconcile; on expiry the token is cancelled and the key retried.</summary>
    public TimeSpan ReconcileTimeout { get; init; } = TimeSpan.FromMinutes(1);
}
