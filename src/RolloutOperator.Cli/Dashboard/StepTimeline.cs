using System.Text;
using RolloutOperator.Cli.Planning;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>The canary steps as an ordered list: done, current or pending (as words and icons), what each waits for, how long each took.</summary>
internal static class StepTimeline
{
    public static string Render(Rollout rollout, ClusterCache cache, DateTimeOffset now)
    {
        var steps = rollout.Spec.Strategy.Canary?.Steps;
        if (steps is not { Count: > 0 })
        {
            return rollout.Spec.Strategy.BlueGreen is not null ? "<p>Blue/green: the preview is promoted as a whole (no steps).</p>" : "<p>No steps.</p>";
        }

        var status = rollout.Status ?? new RolloutStatus();
        var inFlight = status.CanaryRevision is { Length: > 0 } && status.CanaryRevision != status.StableRevision;
        var index = status.CurrentStepIndex ?? 0;
        var revision = status.CanaryRevision ?? status.Abort?.Revision ?? "";
        var (started, completed) = StepTimes.For(RolloutEvents.Of(cache, rollout), revision);
        var html = new StringBuilder("<ol class=\"timeline\">");
        for (var i = 0; i < steps.Count; i++)
        {
            var state = State(i, index, inFlight, status.Abort is not null);
            var icon = state switch { "done" => "✔", "current" => "▶", "aborted" => "✖", _ => "○" };
            html.Append("<li class=\"step step-").Append(state).Append("\" data-state=\"").Append(state).Append("\"><span class=\"step-icon\" aria-hidden=\"true\">")
                .Append(icon).Append("</span><span class=\"step-text\"><strong>").Append(i + 1).Append(". ").Append(Html.E(Describe(steps[i])))
                .Append("</strong> <span class=\"step-state\">").Append(state).Append("</span>");
            var took = Took(i, state, started, completed, status, now);
            if (took is not null)
            {
                html.Append(" <span class=\"took\">").Append(Html.E(took)).Append("</span>");
            }

            if (state is "current" or "aborted" && WaitingFor(rollout, status, i, now) is { } reason)
            {
                html.Append("<br><span class=\"gate\">").Append(Html.E(reason)).Append("</span>");
            }

            html.Append("</span></li>");
        }

        return html.Append("</ol>").ToString();
    }

    // An aborted revision stops at the step it was on; without one in flight the last rollout's steps are all done.
    private static string State(int i, int index, bool inFlight, bool aborted) => (inFlight, aborted) switch
    {
        (false, false) => "done",
        _ when i < index => "done",
        (true, true) when i == index => "aborted",
        (true, false) when i == index => "current",
        _ => "pending",
    };

    public static string Describe(CanaryStep step) => step switch
    {
        { SetWeight: { } weight } => FormattableString.Invariant($"set weight {weight}%"),
        { Pause: { Duration: { Length: > 0 } duration } } => $"pause {duration}",
        { Pause: not null } => "pause until promoted",
        { Analysis: { } analysis } => "analysis " + string.Join(", ",
            (analysis.Templates ?? []).Select(t => t.TemplateName).Concat((analysis.Metrics ?? []).Select(m => m.Name))),
        { SetCanaryScale: not null } => "set canary scale",
        { SetHeaderRoute: { } route } => "header route " + route.Name,
        _ => "step",
    };

    private static string? Took(int i, string state, DateTimeOffset? started, IReadOnlyDictionary<int, DateTimeOffset> completed, RolloutStatus status, DateTimeOffset now)
    {
        if (state == "current" && status.StepStartedAt is { } since)
        {
            return "running for " + DurationText.Format(Positive(now - since));
        }

        if (state != "done" || !completed.TryGetValue(i, out var end))
        {
            return null;
        }

        DateTimeOffset? begin = i == 0 ? started : completed.TryGetValue(i - 1, out var previous) ? previous : null;
        return begin is { } b ? "took " + DurationText.Format(Positive(end - b)) : "done at " + Html.Clock(end);
    }

    private static string? WaitingFor(Rollout rollout, RolloutStatus status, int index, DateTimeOffset now)
    {
        if (status.Abort is { } abort)
        {
            return $"aborted ({abort.Reason}): {abort.Message}";
        }

        if (status.Pauses is { Count: > 0 } pauses)
        {
            return "paused: " + string.Join("; ", pauses.Select(p => p.ResumeAt is { } at
                ? $"{p.Reason}, resumes in {DurationText.Format(Positive(at - now))}"
                : $"{p.Reason}, waits for promote or resume"));
        }

        if (status.Analyses?.Find(a => a.Key == FormattableString.Invariant($"step-{index}") && a.Phase == AnalysisPhase.Running) is { } run)
        {
            return $"gated by analysis {run.Key} (running)";
        }

        if (status.Traffic is { } t && t.ObservedWeight != t.DesiredWeight)
        {
            return FormattableString.Invariant($"waiting for traffic: desired {t.DesiredWeight}%, observed {(t.ObservedWeight is { } o ? o + "%" : "unknown")}");
        }

        return rollout.Spec.Strategy.Canary?.Steps?[index].SetWeight is not null ? "waiting for pods of the canary to be available" : null;
    }

    private static TimeSpan Positive(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
