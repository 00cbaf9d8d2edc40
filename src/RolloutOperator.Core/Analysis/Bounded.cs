namespace RolloutOperator.Core.Analysis;

// Status fields have schema maxLengths; an over-long provider error or query must not make the status patch invalid.
internal static class Bounded
{
    public const int Value = 1024;
    public const int Message = 1024;
    public const int Query = 8192;
    public const int RunMessage = 4096;

    public static string? Text(string? text, int max) =>
        text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
