namespace EvoGrains.Core.Expressions;

/// <summary>
/// Parser for the infix loss syntax, e.g. <c>-(log(p) - y/p)</c> or
/// <c>exp(2.4092 - p*(1+y)) - cos(cos(sin(p)))</c>. <c>x^2</c> means <c>sq(x)</c>.
/// Operator precedence with an explicit stack of open groups instead of recursion, so no input
/// can exhaust the call stack; text, nodes and depth past <see cref="ExpressionLimits"/> are
/// parse errors.
/// </summary>
public sealed partial class ExpressionParser
{
    private readonly string text;
    private int pos;

    private ExpressionParser(string text) => this.text = text;

    public static Expr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > ExpressionLimits.MaxTextLength)
        {
            throw new ExpressionParseException(ExpressionLimits.MaxTextLength + 1,
                $"an expression is at most {ExpressionLimits.MaxTextLength:N0} characters long; "
                + $"this one has {text.Length:N0}");
        }

        var parser = new ExpressionParser(text);
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            throw new ExpressionParseException(1, "expected an expression but found end of input");
        }

        var expr = parser.ParseGroups();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw parser.Error($"expected an operator or end of input but found '{parser.text[parser.pos]}'");
        }

        return expr;
    }

    private bool AtEnd => pos >= text.Length;

    /// <summary>Reads operands and operators; '(' and function calls open groups, ')' closes them.</summary>
    private Expr ParseGroups()
    {
        var outer = new Stack<ParseGroup>();
        var group = new ParseGroup(isWholeText: true, null);
        while (true)
        {
            var (operand, powered) = ParseOperand(ref group, outer);
            while (true)
            {
                operand = group.TakeSigns(powered ? operand : ParsePowerOf(operand), this);
                powered = false;
                SkipSpace();
                if (TryOperator(out var op))
                {
                    group.Add(op, operand, this);
                    break;
                }

                var value = group.Finish(operand, this);
                if (group.IsWholeText)
                {
                    return value;
                }

                if (group.Function is { } binary && OperatorCatalog.Arity(binary) == 2 && group.FirstArgument is null)
                {
                    Expect(',');
                    group.FirstArgument = value;
                    break;
                }

                Expect(')');
                operand = group switch
                {
                    { Function: { } function, FirstArgument: { } first } => Binary(function, first, value),
                    { Function: { } function } => Unary(function, value),
                    _ => value,
                };
                group = outer.Pop();
            }
        }
    }

    /// <summary>
    /// Signs and openings up to the next complete operand. "-2" is the constant -2, so printed
    /// negative constants read back as themselves; but "-2^2" is -(2^2), as for variables.
    /// </summary>
    private (Expr Operand, bool Powered) ParseOperand(ref ParseGroup group, Stack<ParseGroup> outer)
    {
        while (true)
        {
            SkipSpace();
            if (Accept('-'))
            {
                SkipSpace();
                if (!AtEnd && IsNumberStart(text[pos]))
                {
                    var number = Expr.Const(ParseNumber());
                    var powered = ParsePowerOf(number);
                    return (
                        ReferenceEquals(powered, number) ? Expr.Const(-number.Value) : Unary(Op.Neg, powered),
                        true);
                }

                group.Signs++;
                continue;
            }

            if (AtEnd)
            {
                throw Error("expected a number, a variable (y, p, z), a function or '(' but found end of input");
            }

            var c = text[pos];
            if (Accept('('))
            {
                Open(outer, group, pos - 1);
                group = new ParseGroup(isWholeText: false, null);
                continue;
            }

            if (IsNumberStart(c))
            {
                return (Expr.Const(ParseNumber()), false);
            }

            if (!char.IsLetter(c))
            {
                throw Error($"expected a number, a variable (y, p, z), a function or '(' but found '{c}'");
            }

            var start = pos;
            var name = ParseIdentifier();
            switch (name)
            {
                case "y": return (Expr.Y, false);
                case "p": return (Expr.P, false);
                case "z": return (Expr.Z, false);
            }

            if (!OperatorCatalog.TryGetFunction(name, out var op))
            {
                pos = start;
                throw Error($"unknown function or variable '{name}' (variables are y, p, z)");
            }

            Expect('(');
            Open(outer, group, start);
            group = new ParseGroup(isWholeText: false, op);
        }
    }

    /// <summary>
    /// Enters a parenthesis or call opened at <paramref name="at"/>. Printing never nests deeper
    /// than the tree, so every tree the parser returns prints as text it reads back.
    /// </summary>
    private static void Open(Stack<ParseGroup> outer, ParseGroup group, int at)
    {
        if (outer.Count >= ExpressionLimits.MaxDepth)
        {
            throw new ExpressionParseException(at + 1,
                $"an expression nests at most {ExpressionLimits.MaxDepth:N0} parentheses and function calls "
                + "inside one another");
        }

        outer.Push(group);
    }

    private Expr ParsePowerOf(Expr operand)
    {
        SkipSpace();
        if (!Accept('^'))
        {
            return operand;
        }

        SkipSpace();
        var start = pos;
        if (AtEnd || !IsNumberStart(text[pos]) || ParseNumber() != 2)
        {
            pos = start;
            throw Error("expected the exponent 2 after '^' (only squares are supported)");
        }

        return Unary(Op.Square, operand);
    }

    private bool TryOperator(out Op op)
    {
        op = AtEnd ? Op.Const : text[pos] switch
        {
            '+' => Op.Add,
            '-' => Op.Sub,
            '*' => Op.Mul,
            '/' => Op.Div,
            _ => Op.Const,
        };
        if (op == Op.Const)
        {
            return false;
        }

        pos++;
        return true;
    }

    internal Expr Unary(Op op, Expr operand)
    {
        Check(1 + operand.Size, 1 + operand.Depth);
        return Expr.Unary(op, operand);
    }

    internal Expr Binary(Op op, Expr left, Expr right)
    {
        Check(1 + left.Size + right.Size, 1 + Math.Max(left.Depth, right.Depth));
        return Expr.Binary(op, left, right);
    }

    private void Check(int size, int depth)
    {
        if (size > ExpressionLimits.MaxNodes)
        {
            throw Error(
                $"an expression has at most {ExpressionLimits.MaxNodes:N0} nodes (operators, variables and constants)");
        }

        if (depth > ExpressionLimits.MaxDepth)
        {
            throw Error(
                $"an expression is at most {ExpressionLimits.MaxDepth:N0} levels deep (a sum of n terms is n levels)");
        }
    }
}
