namespace RolloutOperator.Core.Parsing;

/// <summary>
/// The constructs .NET's regular expressions accept but RE2 — what routers match headers with — refuses. Without this
/// check such a pattern passes the parser and is then rejected by the router on every reconcile.
/// </summary>
internal static class Re2Syntax
{
    private static readonly (string Token, string What)[] Groups =
    [
        ("(?=", "lookahead"), ("(?!", "negative lookahead"), ("(?<=", "lookbehind"), ("(?<!", "negative lookbehind"),
        ("(?>", "atomic group"), ("(?(", "conditional"), ("(?'", "group named with quotes"),
    ];

    public static string? Error(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                if (EscapeError(pattern[i + 1]) is { } escape)
                {
                    return $"{escape} at offset {i} is not supported by RE2";
                }

                i++;
                continue;
            }

            foreach (var (token, what) in Groups)
            {
                if (string.CompareOrdinal(pattern, i, token, 0, token.Length) == 0)
                {
                    return $"{what} \"{token}\" at offset {i} is not supported by RE2";
                }
            }
        }

        return null;
    }

    private static string? EscapeError(char next) => next switch
    {
        >= '1' and <= '9' => "a backreference",
        'k' => "a named backreference",
        'G' => "\\G",
        'Z' => "\\Z (use \\z)",
        _ => null,
    };
}
