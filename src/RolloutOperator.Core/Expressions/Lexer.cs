using System.Globalization;

namespace RolloutOperator.Core.Expressions;

internal static class Lexer
{
    // Longest first so "<=" wins over "<".
    private static readonly string[] Operators =
    [
        "==", "!=", "<=", ">=", "&&", "||",
        "<", ">", "+", "-", "*", "/", "%", "!", "?", ":", "(", ")", "[", "]", ",", ".",
    ];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ReadNumber(text, i, tokens);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start + 1));
            }
            else
            {
                i = ReadOperator(text, i, tokens);
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
        return tokens;
    }

    private static int ReadOperator(string text, int i, List<Token> tokens)
    {
        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(text, i, op, 0, op.Length) == 0)
            {
                tokens.Add(new Token(TokenKind.Operator, op, i + 1));
                return i + op.Length;
            }
        }

        var c = text[i];
        var reason = c is '"' or '\''
            ? "string literals are not supported"
            : $"unexpected character '{c}'";
        throw new ConditionSyntaxException(i + 1, reason);
    }

    private static int ReadNumber(string text, int start, List<Token> tokens)
    {
        var i = SkipDigits(text, start);
        var isDouble = false;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDouble = true;
            i = SkipDigits(text, i + 1);
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var exp = i + 1;
            if (exp < text.Length && text[exp] is '+' or '-')
            {
                exp++;
            }

            if (exp >= text.Length || !char.IsAsciiDigit(text[exp]))
            {
                throw new ConditionSyntaxException(i + 1, "malformed exponent");
            }

            isDouble = true;
            i = SkipDigits(text, exp);
        }

        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            throw new ConditionSyntaxException(i + 1, $"unexpected character '{text[i]}' after number");
        }

        var literal = text[start..i];
        tokens.Add(new Token(isDouble ? TokenKind.Double : TokenKind.Int, literal, start + 1));
        return i;
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    public static long ParseInt(Token token) =>
        long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConditionSyntaxException(token.Column, $"integer literal {token.Text} is out of range");

    public static double ParseDouble(Token token) =>
        double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
