namespace RolloutOperator.Runtime.Health;

/// <summary>Backs the host's /healthz (liveness) and /readyz (readiness) endpoints.</summary>
public interface IHealthSource
{
    /// <summary>Every watch loop has shown activity recently.</summary>
    HealthReport CheckLiveness();

    /// <summary>Every cache has synced. Independent of leadership: non-leaders report ready.</summary>
    HealthReport CheckReadiness();
}
