namespace RolloutOperator.Tests.Architecture;

/// <summary>One row of docs/controller.md "One step, file by file": a file and the Type.Method it names.</summary>
internal sealed record StepRow(string File, string Type, string Method);
