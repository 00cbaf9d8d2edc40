using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Splits a webhook body template into text and <c>{{placeholder}}</c> segments. Only the names in
/// <see cref="BodyTemplate.Placeholders"/> are accepted; anything else between braces is an error at the field.
/// </summary>
internal static class BodyTemplateParser
{
    public const int MaxLength = 4096;
    public const int MaxPlaceholders = 32;

    public static BodyTemplate? Parse(string text, string path, SpecErrors errors)
    {
        if (text.Length > MaxLength)
        {
            errors.Add(path, $"must be at most {MaxLength} characters");
            return null;
        }

        var segments = new List<BodySegment>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                segments.Add(new BodySegment(text[position..], false));
                break;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                errors.Add(path, $"unclosed placeholder at offset {open}");
                return null;
            }

            var name = text[(open + 2)..close].Trim();
            if (!BodyTemplate.Placeholders.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(path, $"unknown placeholder {{{{{Fields.Shown(name, 32)}}}}}; known: {string.Join(", ", BodyTemplate.Placeholders)}");
                return null;
            }

            segments.Add(new BodySegment(text[position..open], false));
            segments.Add(new BodySegment(name, true));
            position = close + 2;
        }

        if (segments.Count(s => s.IsPlaceholder) > MaxPlaceholders)
        {
            errors.Add(path, $"at most {MaxPlaceholders} placeholders");
            return null;
        }

        return new BodyTemplate([.. segments.Where(s => s.IsPlaceholder || s.Text.Length > 0)]);
    }
}
