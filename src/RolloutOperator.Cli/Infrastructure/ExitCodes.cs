namespace RolloutOperator.Cli.Infrastructure;

/// <summary>Process exit codes; documented in docs/cli.md, so CI scripts can branch on them. Never renumber.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>API failure, rollout not found, unreadable input, or lint/plan found errors.</summary>
    public const int Error = 1;

    /// <summary>The command line did not parse.</summary>
    public const int Usage = 2;

    /// <summary>status: the revision was aborted (analysis failure, abort command, progress deadline with abort).</summary>
    public const int Aborted = 3;

    /// <summary>status: the rollout is degraded without an abort (invalid spec, progress deadline exceeded).</summary>
    public const int Degraded = 4;

    /// <summary>status: --timeout elapsed before the rollout became healthy.</summary>
    public const int Timeout = 5;

    /// <summary>A revision-scoped command found no revision being rolled out.</summary>
    public const int NothingToDo = 6;

    /// <summary>Interrupted (Ctrl-C) while waiting, like a shell's 128+SIGINT.</summary>
    public const int Interrupted = 130;
}
