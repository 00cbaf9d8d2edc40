using System.Globalization;

namespace RolloutOperator.Sandbox.Progress;

/// <summary>One line per event, each with the time since the start: readable in a CI log and easy to grep.</summary>
internal sealed class PlainOutput(TextWriter writer, TimeProvider time) : ISandboxOutput, IProgressSink
{
    private readonly long _started = time.GetTimestamp();

    public void Info(string text) => Write(text);

    public void Heading(string text) => Write($"== {text}");

    public void Warn(string text) => Write($"WARNING: {text}");

    public void Success(string text) => Write($"OK: {text}");

    public void Failure(string text) => Write($"FAILED: {text}");

    public Task<T> TrackAsync<T>(string title, Func<IProgressSink, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Write($"-- {title}");
        return body(this);
    }

    public void Report(RolloutProgress snapshot) => Write(SnapshotText.Line(snapshot));

    public void Summary(IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Write("== Summary");
        foreach (var entry in entries)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"{(entry.Ok ? "ok  " : "FAIL")} {entry.Stage,-34} {entry.Duration.TotalSeconds,6:0.0}s  {entry.Outcome}"));
        }
    }

    private void Write(string text)
    {
        var elapsed = time.GetElapsedTime(_started).TotalSeconds;
        lock (writer)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{elapsed,6:0.0}s] {text}"));
            writer.Flush();
        }
    }
}
