namespace RolloutOperator.Core.Engine;

/// <summary>
/// A mirror route a router reports in force: its name and the share of requests it copies, in hundredths of a percent
/// (the unit <see cref="Plans.MirrorRoutePlan.Hundredths"/> plans in), so a change of share alone is seen as not yet done.
/// </summary>
public sealed record MirrorRouteObservation(string Name, int Hundredths);
