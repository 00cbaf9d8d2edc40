namespace RolloutOperator.Cli.Manifests;

/// <summary>One problem: which document, the field path inside it, and what is wrong.</summary>
internal sealed record LintFinding(string Document, string Path, string Message)
{
    public override string ToString() => $"{Document}: {Path}: {Message}";
}
