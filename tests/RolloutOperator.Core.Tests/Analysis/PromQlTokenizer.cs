using System.Globalization;
using System.Text;

namespace RolloutOperator.Core.Tests.Analysis;

// A small PromQL lexer, enough to compare the lexical shape of two queries: string literals become one token
// (kind = quote char) whose decoded content is kept separately; everything else keeps its text.
internal static class PromQlTokenizer
{
    public sealed record Token(string Kind, string Text);

    public static (List<Token> Tokens, List<string> Strings) Tokenize(string query)
    {
        var tokens = new List<Token>();
        var strings = new List<string>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'' or '`')
            {
                var (content, next) = ReadString(query, i);
                tokens.Add(new Token("string" + c, ""));
                strings.Add(content);
                i = next;
            }
            else if (c == '#')
            {
                var end = query.IndexOf('\n', i);
                end = end < 0 ? query.Length : end;
                tokens.Add(new Token("comment", query[i..end]));
                i = end;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or ':' or '.')
            {
                var start = i;
                while (i < query.Length && (char.IsAsciiLetterOrDigit(query[i]) || query[i] is '_' or ':' or '.'))
                {
                    i++;
                }

                tokens.Add(new Token("word", query[start..i]));
            }
            else
            {
                tokens.Add(new Token("punct", c.ToString()));
                i++;
            }
        }

        return (tokens, strings);
    }

    private static (string Content, int Next) ReadString(string query, int start)
    {
        var quote = query[start];
        var content = new StringBuilder();
        var i = start + 1;
        while (i < query.Length && query[i] != quote)
        {
            if (quote != '`' && query[i] == '\n')
            {
                throw new FormatException("newline inside a quoted string");
            }

            if (quote != '`' && query[i] == '\\')
            {
                i = Unescape(query, i + 1, content);
                continue;
            }

            content.Append(query[i++]);
        }

        if (i >= query.Length)
        {
            throw new FormatException("unterminated string");
        }

        return (content.ToString(), i + 1);
    }

    private static int Unescape(string query, int i, StringBuilder content)
    {
        var c = query[i];
        switch (c)
        {
            case 'n': content.Append('\n'); return i + 1;
            case 'r': content.Append('\r'); return i + 1;
            case 't': content.Append('\t'); return i + 1;
            case '\\' or '"' or '\'': content.Append(c); return i + 1;
            case 'x':
                content.Append((char)int.Parse(query.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                return i + 3;
            default: throw new FormatException($"unknown escape \\{c}");
        }
    }
}
