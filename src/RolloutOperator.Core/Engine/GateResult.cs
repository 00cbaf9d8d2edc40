namespace RolloutOperator.Core.Engine;

/// <summary>
/// The answer to one webhook call the controller made for a due gate: for which webhook, revision and scope, whether it
/// passed (2xx), the HTTP status when one arrived, and a message without secret values.
/// </summary>
public sealed record GateResult(string Name, string Revision, string Scope, bool Passed, int? StatusCode, string Message, DateTimeOffset At);
