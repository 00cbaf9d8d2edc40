using Microsoft.CodeAnalysis;

namespace RolloutOperator.Tests.Architecture;

/// <summary>One parsed C# file of a src/ project; <paramref name="Path"/> is relative to the repository root.</summary>
internal sealed record SourceFile(string Project, string Path, SyntaxTree Tree);
