namespace RolloutOperator.Cli.Commands;

/// <summary>A command written to the command channel: what, for which revision, under which id.</summary>
internal sealed record SentCommand(string Action, string Revision, string Id);
