using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Analysis;

/// <summary>
/// Builds the error-ratio query of an SLO from its good/bad and total queries. Each user query is wrapped on its own
/// lines, so a trailing <c># comment</c> cannot swallow the operator's parentheses. A missing numerator series (no bad
/// events at all, or no good ones) counts as zero rather than no data: <c>or 0 * total</c> keeps total's labels.
/// A total of zero stays 0/0 = NaN, which is no data.
/// </summary>
public static class SloQueries
{
    public const string RevisionVariable = "slo.revision";
    public const string WindowVariable = "slo.window";

    public static string ErrorRatio(string? good, string? bad, string total)
    {
        ArgumentNullException.ThrowIfNull(total);
        var t = Wrap(total);
        return bad is not null
            ? $"({Wrap(bad)} or 0 * {t}) / {t}"
            : $"1 - ({Wrap(good ?? "")} or 0 * {t}) / {t}";
    }

    /// <summary>The values of the SLO placeholders for one revision and window.</summary>
    public static void AddVariables(IDictionary<string, string> variables, string? revision, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (revision is not null)
        {
            variables[RevisionVariable] = revision;
        }

        variables[WindowVariable] = Durations.Format(window);
    }

    /// <summary>Burn rate of an error ratio: how many times faster than allowed the budget goes. NaN (no data) stays NaN.</summary>
    public static double BurnRate(double errorRatio, double budget) => errorRatio / budget;

    private static string Wrap(string query) => "(\n" + query.Trim() + "\n)";
}
