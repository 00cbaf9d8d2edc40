using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RolloutOperator.Sandbox.Progress;

/// <summary>The terminal display: a panel redrawn in place while a rollout moves, with its recent changes beneath.</summary>
internal sealed class LiveOutput(IAnsiConsole console, TimeProvider time) : ISandboxOutput
{
    private const int RecentLines = 8;

    public void Info(string text) => console.MarkupLine(Markup.Escape(text));

    public void Heading(string text) => console.Write(new Rule($"[bold]{Markup.Escape(text)}[/]").LeftJustified());

    public void Warn(string text) => console.MarkupLine($"[yellow]! {Markup.Escape(text)}[/]");

    public void Success(string text) => console.MarkupLine($"[green]✔ {Markup.Escape(text)}[/]");

    public void Failure(string text) => console.MarkupLine($"[red]✘ {Markup.Escape(text)}[/]");

    public Task<T> TrackAsync<T>(string title, Func<IProgressSink, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var started = time.GetTimestamp();
        var recent = new Queue<string>();
        return console.Live(Render(title, RolloutProgress.Missing, recent)).AutoClear(false).StartAsync(context =>
            body(new Sink(snapshot =>
            {
                recent.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{time.GetElapsedTime(started).TotalSeconds,5:0.0}s  {SnapshotText.Line(snapshot)}"));
                if (recent.Count > RecentLines)
                {
                    recent.Dequeue();
                }

                context.UpdateTarget(Render(title, snapshot, recent));
            })));
    }

    public void Summary(IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var table = new Table().Title("[bold]Summary[/]").AddColumns("", "Stage", "Time", "Outcome");
        foreach (var entry in entries)
        {
            table.AddRow(
                entry.Ok ? "[green]✔[/]" : "[red]✘[/]",
                Markup.Escape(entry.Stage),
                string.Create(CultureInfo.InvariantCulture, $"{entry.Duration.TotalSeconds:0.0}s"),
                Markup.Escape(entry.Outcome));
        }

        console.Write(table);
    }

    private static Panel Render(string title, RolloutProgress s, IEnumerable<string> recent)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[grey]phase[/]", PhaseMarkup(s.Phase));
        grid.AddRow("[grey]step[/]", SnapshotText.Step(s));
        grid.AddRow("[grey]canary weight[/]", WeightBar(s));
        grid.AddRow("[grey]stable[/]", Markup.Escape(SnapshotText.Short(s.StableRevision)));
        grid.AddRow("[grey]canary[/]", Markup.Escape(SnapshotText.Short(s.CanaryRevision)));
        grid.AddRow("[grey]analysis[/]", Markup.Escape(s.Analysis ?? "-"));
        if (s.Abort is { } abort)
        {
            grid.AddRow("[grey]abort[/]", $"[red]{Markup.Escape($"{abort.Reason}: {abort.Message}")}[/]");
        }

        IRenderable[] rows = [grid, new Text(""), .. recent.Select(line => new Markup($"[grey]{Markup.Escape(line)}[/]"))];
        return new Panel(new Rows(rows)).Header($" {Markup.Escape(title)} ").Border(BoxBorder.Rounded).Expand();
    }

    private static string WeightBar(RolloutProgress s)
    {
        const int width = 30;
        var weight = s.ObservedWeight ?? s.DesiredWeight;
        var filled = weight * width / 100;
        return $"[yellow]{new string('█', filled)}[/][grey]{new string('░', width - filled)}[/] {Markup.Escape(SnapshotText.Weight(s))}";
    }

    private static string PhaseMarkup(string phase) => phase switch
    {
        "Healthy" => "[green]Healthy[/]",
        "Degraded" => "[red]Degraded[/]",
        "Paused" => "[yellow]Paused[/]",
        _ => $"[blue]{Markup.Escape(phase)}[/]",
    };

    private sealed class Sink(Action<RolloutProgress> report) : IProgressSink
    {
        public void Report(RolloutProgress snapshot) => report(snapshot);
    }
}
