using System.Text;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// Knows the secret values one reconcile has used (Secret-backed arguments, tokens, passwords, CA bundles) and removes
/// them, in every form they could take on the way back (see <see cref="SecretForms"/>), from text that is about to be
/// written to status, events or logs. Then bounds the text: a provider can echo an arbitrarily long body.
/// </summary>
internal sealed class SecretScrubber
{
    public const string Mask = "***";

    /// <summary>Longest provider error text kept, after scrubbing.</summary>
    public const int MaxLength = 512;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _forms = new(StringComparer.Ordinal);
    private Dictionary<char, string[]> _byFirstChar = [];

    /// <summary>Remembers a secret value. Every non-empty value counts, however short: a short secret is still a secret.</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        lock (_gate)
        {
            foreach (var form in SecretForms.Of(secret).Where(f => f.Trim().Length > 0))
            {
                _forms.Add(form);
            }

            // Longest first: a form that contains a shorter one must be masked whole, not left in pieces.
            _byFirstChar = _forms
                .GroupBy(f => f[0])
                .ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).ToArray());
        }
    }

    /// <summary>Basic authentication also travels as base64 of "user:password".</summary>
    public void AddBasicAuth(string user, string password, string header)
    {
        Add(user);
        Add(password);
        Add(header);
    }

    public string Scrub(string text) => Scan(text, int.MaxValue);

    /// <summary>
    /// Scrubbed and cut to <see cref="MaxLength"/>. One scan over the original text matches every secret whole, even
    /// one that runs past the cut, and stops once the output is long enough, so a 16 MiB body costs no more than a short one.
    /// </summary>
    public string Bound(string text)
    {
        var scrubbed = Scan(text, MaxLength + 1);
        return scrubbed.Length <= MaxLength ? scrubbed : string.Concat(scrubbed.AsSpan(0, MaxLength - 1), "…");
    }

    private string Scan(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        Dictionary<char, string[]> forms;
        lock (_gate)
        {
            forms = _byFirstChar;
        }

        var output = new StringBuilder(Math.Min(text.Length, limit) + Mask.Length);
        var at = 0;
        while (at < text.Length && output.Length < limit)
        {
            var match = forms.TryGetValue(text[at], out var candidates)
                ? Array.Find(candidates, f => at + f.Length <= text.Length && string.CompareOrdinal(text, at, f, 0, f.Length) == 0)
                : null;
            output.Append(match is null ? text[at].ToString() : Mask);
            at += match?.Length ?? 1;
        }

        return output.ToString();
    }
}
