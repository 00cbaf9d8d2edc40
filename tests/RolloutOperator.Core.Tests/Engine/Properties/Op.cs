namespace RolloutOperator.Core.Tests.Engine.Properties;

public enum OpKind
{
    Tick,
    Wait,
    Promote,
    PromoteFull,
    Abort,
    Retry,
    Pause,
    Resume,
    NewRevision,
    ToggleCrash,
    MetricsPass,
    MetricsFail,
    MetricsNoData,
    MetricsError,
    ToggleRouter,
}

public sealed record Op(OpKind Kind, int Arg);
