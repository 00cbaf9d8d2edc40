using k8s.Models;

namespace RolloutOperator.Controller.Jobs;

/// <summary>Reads <see cref="AnalysisJobState"/> from a Job.</summary>
internal static class AnalysisJobStates
{
    public static AnalysisJobState Of(V1Job job) =>
        Has(job, "Complete") ? AnalysisJobState.Complete
        : Has(job, "Failed") ? AnalysisJobState.Failed
        : AnalysisJobState.Running;

    public static bool Finished(V1Job job) => Of(job) != AnalysisJobState.Running;

    /// <summary>The Failed condition's reason and message (e.g. BackoffLimitExceeded, DeadlineExceeded), bounded.</summary>
    public static string FailureReason(V1Job job)
    {
        var failed = job.Status?.Conditions?.FirstOrDefault(c => c.Type == "Failed" && c.Status == "True");
        var text = $"{failed?.Reason ?? "Failed"}: {failed?.Message ?? ""}".TrimEnd(' ', ':');
        return text.Length <= 256 ? text : text[..255] + "…";
    }

    private static bool Has(V1Job job, string type) =>
        job.Status?.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;
}
