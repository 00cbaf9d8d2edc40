namespace RolloutOperator.Runtime.Queue;

/// <summary>A key handed to exactly one worker; the worker must call <c>Done</c> with it.</summary>
public readonly record struct WorkQueueItem<TKey>(TKey Key);
