namespace RolloutOperator.Controller.Jobs;

/// <summary>Where a Job stands, read from its conditions as the Job controller sets them.</summary>
internal enum AnalysisJobState
{
    Running,
    Complete,
    Failed,
}
