namespace RolloutOperator.Core.Expressions;

// Column is 1-based so it matches what an editor shows.
internal readonly record struct Token(TokenKind Kind, string Text, int Column)
{
    public bool Is(string op) => Kind == TokenKind.Operator && Text == op;

    public string Describe() => Kind == TokenKind.End ? "end of expression" : $"'{Text}'";
}
