namespace EvoGrains.Core.Expressions;

/// <summary>LaTeX for reports. log, 1/x and a/b are shown plainly; their protection (+eps) is a footnote.</summary>
public static class LatexPrinter
{
    public static string Print(Expr expr) => ExprWalk.Fold<string>(expr, PrintNode);

    /// <summary>The whole loss: L = mean over the batch of the class sum (or mean) of t.</summary>
    public static string Print(LossFunction loss)
    {
        var reduction = loss.Reduction == ClassReduction.Mean ? @"\frac{1}{C}\sum_{c=1}^{C}" : @"\sum_{c=1}^{C}";
        return $@"L = \frac{{1}}{{n}}\sum_{{i=1}}^{{n}} {reduction} \left[ {Print(loss.Element)} \right]";
    }

    private static string PrintNode(Expr node, ReadOnlySpan<string> children)
    {
        if (node.IsConstant)
        {
            return InfixPrinter.FormatConstant(node.Value);
        }

        var operands = new string[children.Length];
        for (var i = 0; i < operands.Length; i++)
        {
            operands[i] = NeedsParentheses(node, i) ? $@"\left({children[i]}\right)" : children[i];
        }

        return Template.Fill(OperatorCatalog.Info(node.Op).Latex, operands);
    }

    private static bool NeedsParentheses(Expr parent, int index)
    {
        var child = parent[index];
        var childIsSum = child.Op is Op.Add or Op.Sub || (child.IsConstant && child.Value < 0) || child.Op == Op.Neg;
        return parent.Op switch
        {
            Op.Neg or Op.Mul => childIsSum,
            Op.Sub => index == 1 && childIsSum,
            _ => false,
        };
    }
}
