namespace RolloutOperator.Core.Expressions;

// Recursive descent over CEL's grammar and precedence: ?: < || < && < relations < + - < * / % < unary < member.
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly List<(string Name, StaticType Type)> _variables = [("results", StaticType.List), ("result", StaticType.DoubleOrList)];
    private int _position;
    private int _depth;

    private Parser(List<Token> tokens) => _tokens = tokens;

    public static Node Parse(string text)
    {
        var parser = new Parser(Lexer.Tokenize(text));
        var node = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Unexpected("expected an operator");
        }

        TypeRules.RequireBool(node.Type, "a condition", 1);
        return node;
    }

    private Token Current => _tokens[_position];

    private Node ParseExpression()
    {
        Enter();
        var condition = ParseBinary(0);
        if (Current.Is("?"))
        {
            var question = Advance();
            TypeRules.RequireBool(condition.Type, "the condition of ?:", question.Column);
            var then = ParseBinary(0);
            Expect(":");
            var otherwise = ParseExpression();
            condition = Nodes.Conditional(condition, then, otherwise, question.Column);
        }

        _depth--;
        return condition;
    }

    // See Precedence for the levels; each recursion step binds tighter.
    private Node ParseBinary(int level)
    {
        if (level > Precedence.Highest)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (Precedence.IsOperatorOf(Current, level))
        {
            var op = Advance();
            var right = ParseBinary(level + 1);
            left = Precedence.Combine(level, op, left, right);
        }

        return left;
    }

    private Node ParseUnary()
    {
        if (!Current.Is("!") && !Current.Is("-"))
        {
            return ParseMember();
        }

        Enter();
        var op = Advance();
        var operand = ParseUnary();
        _depth--;
        if (op.Text == "!")
        {
            TypeRules.RequireBool(operand.Type, "the operand of !", op.Column);
            return Nodes.Apply(operand, StaticType.Bool, Operators.Not, op.Column);
        }

        TypeRules.RequireNumber(operand.Type, "unary -", op.Column);
        var type = operand.Type == StaticType.DoubleOrList ? StaticType.Double : operand.Type;
        return Nodes.Apply(operand, type, Operators.Negate, op.Column);
    }

    private Node ParseMember()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (Current.Is("."))
            {
                Advance();
                node = ParseMethod(node);
            }
            else if (Current.Is("["))
            {
                var bracket = Advance();
                var index = ParseExpression();
                Expect("]");
                TypeRules.RequireList(node.Type, "indexing", bracket.Column);
                node = Nodes.Index(node, index, bracket.Column);
            }
            else
            {
                return node;
            }
        }
    }

    private Node ParseMethod(Node target)
    {
        var name = ExpectIdentifier("a method name");
        Expect("(");
        if (name.Text is "all" or "exists")
        {
            var variable = ExpectIdentifier("an iteration variable");
            if (variable.Text is "true" or "false" or "null")
            {
                throw new ConditionSyntaxException(variable.Column, $"'{variable.Text}' cannot name a variable");
            }

            Expect(",");
            _variables.Add((variable.Text, StaticType.Double));
            var predicate = ParseExpression();
            _variables.RemoveAt(_variables.Count - 1);
            Expect(")");
            return Macros.Compile(name, target, variable.Text, predicate);
        }

        if (name.Text != "size")
        {
            throw new ConditionSyntaxException(name.Column, $"unknown method '{name.Text}'");
        }

        Expect(")");
        return Functions.Compile(name, [target]);
    }

    private Node ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Int:
                Advance();
                return Nodes.Literal(Value.Of(Lexer.ParseInt(token)));
            case TokenKind.Double:
                Advance();
                return Nodes.Literal(Value.Of(Lexer.ParseDouble(token)));
            case TokenKind.Identifier:
                Advance();
                return Current.Is("(") ? ParseCall(token) : Identifier(token);
        }

        if (!token.Is("("))
        {
            throw Unexpected("expected a value");
        }

        Advance();
        var inner = ParseExpression();
        Expect(")");
        return inner;
    }

    private Node ParseCall(Token name)
    {
        Advance();
        var args = new List<Node>();
        if (!Current.Is(")"))
        {
            do
            {
                args.Add(ParseExpression());
            }
            while (Accept(","));
        }

        Expect(")");
        return Functions.Compile(name, args);
    }

    private Node Identifier(Token token)
    {
        if (token.Text is "true" or "false")
        {
            return Nodes.Literal(Value.Of(token.Text == "true"));
        }

        for (var i = _variables.Count - 1; i >= 0; i--)
        {
            if (_variables[i].Name == token.Text)
            {
                return Nodes.Variable(token.Text, _variables[i].Type);
            }
        }

        throw new ConditionSyntaxException(token.Column, $"unknown variable '{token.Text}'; conditions see `result` and `results`");
    }

    private void Enter()
    {
        if (++_depth > ConditionLanguage.MaxDepth)
        {
            throw new ConditionSyntaxException(Current.Column, $"expression nests deeper than {ConditionLanguage.MaxDepth}");
        }
    }

    private Token Advance() => _tokens[_position++];

    private bool Accept(string op)
    {
        if (!Current.Is(op))
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(string op)
    {
        if (!Accept(op))
        {
            throw Unexpected($"expected '{op}'");
        }
    }

    private Token ExpectIdentifier(string what) =>
        Current.Kind == TokenKind.Identifier ? Advance() : throw Unexpected($"expected {what}");

    private ConditionSyntaxException Unexpected(string expectation) =>
        new(Current.Column, $"{expectation}, found {Current.Describe()}");
}
