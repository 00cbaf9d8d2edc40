namespace RolloutOperator.Runtime.Queue;

/// <summary>
/// A key handed to exactly one worker; the worker must call <c>Done</c> with it. <see cref="Priority"/> says it came from
/// the priority lane.
/// </summary>
public readonly record struct WorkQueueItem<TKey>(TKey Key, bool Priority = false);
