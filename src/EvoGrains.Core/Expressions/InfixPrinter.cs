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

    public static string Print(Expr expr)
    {
        var builder = new StringBuilder();
        Write(builder, expr);
        return builder.ToString();
    }

    public static string FormatConstant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Write(StringBuilder builder, Expr expr)
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
                WriteOperand(builder, expr[0], expr[0].IsConstant ? int.MaxValue : AtomPrecedence);
                return;
            case Op.Add or Op.Sub or Op.Mul or Op.Div:
                var precedence = Precedence(expr);
                WriteOperand(builder, expr[0], precedence);
                builder.Append(' ').Append(info.Name).Append(' ');
                WriteOperand(builder, expr[1], precedence + 1);
                return;
            default:
                builder.Append(info.Name).Append('(');
                for (var i = 0; i < expr.Children.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Write(builder, expr[i]);
                }

                builder.Append(')');
                return;
        }
    }

    private static void WriteOperand(StringBuilder builder, Expr operand, int minimumPrecedence)
    {
        var parenthesise = Precedence(operand) < minimumPrecedence;
        if (parenthesise)
        {
            builder.Append('(');
        }

        Write(builder, operand);
        if (parenthesise)
        {
            builder.Append(')');
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
