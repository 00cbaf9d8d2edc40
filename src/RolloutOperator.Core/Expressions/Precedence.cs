namespace RolloutOperator.Core.Expressions;

// Binary operator levels, loosest first: 0 ||, 1 &&, 2 relations, 3 + -, 4 * / %; all left-associative.
internal static class Precedence
{
    public const int Highest = 4;

    private static readonly string[] Relations = ["==", "!=", "<", "<=", ">", ">="];

    public static bool IsOperatorOf(Token token, int level) => token.Kind == TokenKind.Operator && level switch
    {
        0 => token.Text == "||",
        1 => token.Text == "&&",
        2 => Relations.Contains(token.Text),
        3 => token.Text is "+" or "-",
        _ => token.Text is "*" or "/" or "%",
    };

    public static Node Combine(int level, Token op, Node left, Node right)
    {
        var (symbol, column) = (op.Text, op.Column);
        if (level <= 1)
        {
            TypeRules.RequireBool(left.Type, $"the left operand of {symbol}", column);
            TypeRules.RequireBool(right.Type, $"the right operand of {symbol}", column);
            return Nodes.Logical(left, right, symbol == "&&", column);
        }

        if (level == 2)
        {
            if (symbol is not ("==" or "!="))
            {
                TypeRules.Ordering(symbol, left.Type, right.Type, column);
            }

            return Nodes.Binary(left, right, StaticType.Bool, (l, r) => Operators.Compare(symbol, l, r), column);
        }

        var type = TypeRules.Arithmetic(symbol, left.Type, right.Type, column);
        return Nodes.Binary(left, right, type, (l, r) => Operators.Arithmetic(symbol, l, r), column);
    }
}
