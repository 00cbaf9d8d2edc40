namespace RolloutOperator.ApiEmulator.Patching;

/// <summary>RFC 6901 pointer parsing.</summary>
internal static class JsonPointer
{
    public static IReadOnlyList<string> Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new PatchException($"invalid JSON pointer \"{pointer}\"");
        }

        return pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }
}
