using System.Globalization;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// Recursive-descent parser for the infix loss syntax, e.g. <c>-(log(p) - y/p)</c> or
/// <c>exp(2.4092 - p*(1+y)) - cos(cos(sin(p)))</c>. <c>x^2</c> means <c>sq(x)</c>.
/// </summary>
public sealed class ExpressionParser
{
    private readonly string text;
    private int pos;

    private ExpressionParser(string text) => this.text = text;

    public static Expr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(text);
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            throw new ExpressionParseException(1, "expected an expression but found end of input");
        }

        var expr = parser.ParseSum();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw parser.Error($"expected an operator or end of input but found '{parser.text[parser.pos]}'");
        }

        return expr;
    }

    private bool AtEnd => pos >= text.Length;

    private Expr ParseSum()
    {
        var left = ParseProduct();
        while (true)
        {
            SkipSpace();
            if (Accept('+'))
            {
                left = left + ParseProduct();
            }
            else if (Accept('-'))
            {
                left = left - ParseProduct();
            }
            else
            {
                return left;
            }
        }
    }

    private Expr ParseProduct()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpace();
            if (Accept('*'))
            {
                left = left * ParseUnary();
            }
            else if (Accept('/'))
            {
                left = left / ParseUnary();
            }
            else
            {
                return left;
            }
        }
    }

    private Expr ParseUnary()
    {
        SkipSpace();
        if (!Accept('-'))
        {
            return ParsePower();
        }

        SkipSpace();
        if (!AtEnd && IsNumberStart(text[pos]))
        {
            // "-2" is the constant -2, so printed negative constants read back as themselves;
            // but "-2^2" is -(2^2), as for variables.
            var number = Expr.Const(ParseNumber());
            var powered = ParsePowerOf(number);
            return ReferenceEquals(powered, number) ? Expr.Const(-number.Value) : -powered;
        }

        return -ParseUnary();
    }

    private Expr ParsePower() => ParsePowerOf(ParsePrimary());

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

        return Expr.Unary(Op.Square, operand);
    }

    private Expr ParsePrimary()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw Error("expected a number, a variable (y, p, z), a function or '(' but found end of input");
        }

        var c = text[pos];
        if (Accept('('))
        {
            var inner = ParseSum();
            Expect(')');
            return inner;
        }

        if (IsNumberStart(c))
        {
            return Expr.Const(ParseNumber());
        }

        if (char.IsLetter(c))
        {
            var start = pos;
            var name = ParseIdentifier();
            switch (name)
            {
                case "y": return Expr.Y;
                case "p": return Expr.P;
                case "z": return Expr.Z;
            }

            if (!OperatorCatalog.TryGetFunction(name, out var op))
            {
                pos = start;
                throw Error($"unknown function or variable '{name}' (variables are y, p, z)");
            }

            Expect('(');
            var first = ParseSum();
            if (OperatorCatalog.Arity(op) == 1)
            {
                Expect(')');
                return Expr.Unary(op, first);
            }

            Expect(',');
            var second = ParseSum();
            Expect(')');
            return Expr.Binary(op, first, second);
        }

        throw Error($"expected a number, a variable (y, p, z), a function or '(' but found '{c}'");
    }

    private double ParseNumber()
    {
        var start = pos;
        while (!AtEnd && (char.IsDigit(text[pos]) || text[pos] == '.'))
        {
            pos++;
        }

        if (!AtEnd && (text[pos] == 'e' || text[pos] == 'E'))
        {
            var mark = pos;
            pos++;
            if (!AtEnd && (text[pos] == '+' || text[pos] == '-'))
            {
                pos++;
            }

            if (AtEnd || !char.IsDigit(text[pos]))
            {
                pos = mark;
            }
            else
            {
                while (!AtEnd && char.IsDigit(text[pos]))
                {
                    pos++;
                }
            }
        }

        var token = text[start..pos];
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            pos = start;
            throw Error($"'{token}' is not a finite number");
        }

        return value;
    }

    private string ParseIdentifier()
    {
        var start = pos;
        while (!AtEnd && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
        {
            pos++;
        }

        return text[start..pos];
    }

    private static bool IsNumberStart(char c) => char.IsDigit(c) || c == '.';

    private void Expect(char expected)
    {
        SkipSpace();
        if (!Accept(expected))
        {
            throw Error(AtEnd ? $"expected '{expected}' but found end of input" : $"expected '{expected}' but found '{text[pos]}'");
        }
    }

    private bool Accept(char c)
    {
        if (!AtEnd && text[pos] == c)
        {
            pos++;
            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    private ExpressionParseException Error(string message) => new(pos + 1, message);
}
