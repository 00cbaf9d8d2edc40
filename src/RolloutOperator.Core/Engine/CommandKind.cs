namespace RolloutOperator.Core.Engine;

public enum CommandKind
{
    Promote,
    PromoteFull,
    Abort,
    Retry,
    Pause,
    Resume,
    MarkFix,
}
