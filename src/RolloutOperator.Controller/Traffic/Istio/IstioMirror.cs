using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>A mirror route as the VirtualService expresses it: the requests matching every header match, a share of them copied to the canary.</summary>
internal sealed record IstioMirror(string Name, IReadOnlyList<HeaderMatchPlan> Matches, double Percentage);
