namespace RolloutOperator.Sandbox.Progress;

/// <summary>Where the sandbox talks to its user: plain timestamped lines (CI) or a live terminal display.</summary>
internal interface ISandboxOutput
{
    void Info(string text);

    void Heading(string text);

    void Warn(string text);

    void Success(string text);

    void Failure(string text);

    /// <summary>Runs <paramref name="body"/> while showing the snapshots it reports under <paramref name="title"/>.</summary>
    Task<T> TrackAsync<T>(string title, Func<IProgressSink, Task<T>> body);

    void Summary(IReadOnlyList<TimelineEntry> entries);
}

internal interface IProgressSink
{
    /// <summary>A new snapshot; called only when the visible line changed.</summary>
    void Report(RolloutProgress snapshot);
}
