using k8s.Models;

namespace RolloutOperator.Controller.Traffic.Alb;

/// <summary>
/// Whether the load balancer controller took the operator's last write of the action annotation, read from the only
/// status signal it leaves in the cluster: its Events on the Ingress (component <see cref="Component"/>;
/// <c>SuccessfullyReconciled</c> on success, Warning events such as <c>FailedBuildModel</c> or <c>FailedDeployModel</c>
/// on failure). The newest such event at or after the write decides. Without any event from the controller there is no
/// signal (a cluster without it, or events expired) and the annotation counts as in force.
/// </summary>
internal static class AlbAcceptance
{
    public const string Component = "ingress";
    public const string Reconciled = "SuccessfullyReconciled";

    public static AlbVerdict Judge(IEnumerable<Corev1Event> events, DateTime? writtenAt)
    {
        var ours = events
            .Where(e => e.Source?.Component == Component || e.ReportingComponent == Component)
            .Select(e => (Event: e, At: When(e)))
            .ToList();
        if (ours.Count == 0)
        {
            return AlbVerdict.NoSignal;
        }

        // Timestamps have whole seconds: an event in the same second as the write counts as after it.
        var since = writtenAt is { } at ? Truncate(at) : DateTime.MinValue;
        var newest = ours.Where(e => e.At >= since).OrderByDescending(e => e.At).Select(e => e.Event).FirstOrDefault();
        return newest switch
        {
            null => AlbVerdict.Pending,
            { Type: "Warning" } warning => AlbVerdict.Rejected($"{warning.Reason}: {warning.Message}"),
            { Reason: Reconciled } => AlbVerdict.Accepted,
            _ => AlbVerdict.Pending,
        };
    }

    private static DateTime When(Corev1Event e) =>
        Truncate(e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp ?? e.Metadata?.CreationTimestamp ?? DateTime.MinValue);

    private static DateTime Truncate(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
