using System.Globalization;
using System.Text;

namespace EvoGrains.Core.Expressions;

/// <summary>Prints the infix syntax the parser reads; parse(print(e)) equals e.</summary>
public static class InfixPrinter
{
    private const int SumPrecedence = 1;
    private const int ProductPrecedence = 2;
    private const int PrefixPrecedence = 3;
    private const int AtomPrecedence = 4;

    private static readonly string[] SpacedNames =
        Enum.GetValues<Op>().Select(op => $" {OperatorCatalog.Info(op).Name} ").ToArray();

    public static string Print(Expr expr)
    {
        var builder = new StringBuilder();
        // Work to do, last first: a node to write, or text to append (a closing parenthesis, a separator).
        var pending = new Stack<(Expr? Node, string? Text)>();
        pending.Push((expr, null));
        while (pending.TryPop(out var item))
        {
            if (item.Node is { } node)
            {
                Write(builder, pending, node);
            }
            else
            {
                builder.Append(item.Text);
            }
        }

        return builder.ToString();
    }

    public static string FormatConstant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Appends what precedes the node's first operand and schedules the rest.</summary>
    private static void Write(StringBuilder builder, Stack<(Expr? Node, string? Text)> pending, Expr expr)
    {
        var info = OperatorCatalog.Info(expr.Op);
        switch (expr.Op)
        {
            case Op.Const:
                builder.Append(FormatConstant(expr.Value));
                return;
            case Op.Y or Op.P or Op.Z:
                builder.Append(info.Name);
                return;
            case Op.Neg:
                builder.Append('-');
                // "-2" would read back as the constant -2, so a negated constant keeps its parentheses.
                Schedule(pending, expr[0], expr[0].IsConstant ? int.MaxValue : AtomPrecedence);
                return;
            case Op.Add or Op.Sub or Op.Mul or Op.Div:
                var precedence = Precedence(expr);
                Schedule(pending, expr[1], precedence + 1);
                pending.Push((null, SpacedNames[(int)expr.Op]));
                Schedule(pending, expr[0], precedence);
                return;
            default:
                builder.Append(info.Name).Append('(');
                pending.Push((null, ")"));
                for (var i = expr.Children.Length - 1; i >= 0; i--)
                {
                    pending.Push((expr[i], null));
                    if (i > 0)
                    {
                        pending.Push((null, ", "));
                    }
                }

                return;
        }
    }

    /// <summary>Schedules an operand, parenthesised when it binds looser than its context.</summary>
    private static void Schedule(Stack<(Expr? Node, string? Text)> pending, Expr operand, int minimumPrecedence)
    {
        var parenthesise = Precedence(operand) < minimumPrecedence;
        if (parenthesise)
        {
            pending.Push((null, ")"));
        }

        pending.Push((operand, null));
        if (parenthesise)
        {
            pending.Push((null, "("));
        }
    }

    private static int Precedence(Expr expr) => expr.Op switch
    {
        Op.Add or Op.Sub => SumPrecedence,
        Op.Mul or Op.Div => ProductPrecedence,
        Op.Neg => PrefixPrecedence,
        Op.Const when expr.Value < 0 => PrefixPrecedence,
        _ => AtomPrecedence,
    };
}
