namespace RolloutOperator.Core.Engine;

/// <summary>Make a Service select the pods of one revision.</summary>
public sealed record PointService(ServiceRole Role, string Revision) : RolloutAction;
