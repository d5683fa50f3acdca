using System.Globalization;
using System.Text;

namespace EvoGrains.Core.Expressions;

/// <summary>Prints a loss as ready-to-use PyTorch or TorchSharp code with the same protected forms.</summary>
public static class CodePrinter
{
    public static string PyTorchExpression(Expr expr) => Print(expr, static info => info.PyTorch);

    public static string TorchSharpExpression(Expr expr) => Print(expr, static info => info.TorchSharp);

    public static string PyTorch(LossFunction loss) => Write(loss, new Dialect(
        Header: [
            "import torch", "", $"EPS = {Eps}", "", "",
            "def loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:", $"    \"\"\"{loss}\"\"\""],
        Probabilities: "    p = torch.softmax(logits, dim=1)",
        Labels: "    y = torch.nn.functional.one_hot(target, logits.shape[1]).to(logits.dtype)",
        Smoothing: "    y = y * (1 - {0}) + {0} / logits.shape[1]",
        Logits: "    z = logits",
        Term: $"    t = {PyTorchExpression(loss.Element)}",
        SumReturn: "    return t.sum(dim=1).mean()",
        MeanReturn: "    return t.mean(dim=1).mean()",
        Footer: []));

    public static string TorchSharp(LossFunction loss) => Write(loss, new Dialect(
        Header: [
            "using TorchSharp;", "using static TorchSharp.torch;", "", $"// {loss}",
            "static Tensor Loss(Tensor logits, Tensor target)", "{", $"    const double EPS = {Eps};"],
        Probabilities: "    var p = torch.nn.functional.softmax(logits, 1);",
        Labels: "    var y = torch.nn.functional.one_hot(target, logits.shape[1]).to(logits.dtype);",
        Smoothing: "    y = y * (1 - {0}) + {0} / logits.shape[1];",
        Logits: "    var z = logits;",
        Term: $"    var t = {TorchSharpExpression(loss.Element)};",
        SumReturn: "    return t.sum(1).mean();",
        MeanReturn: "    return t.mean([1]).mean();",
        Footer: ["}"]));

    private static string Eps => InfixPrinter.FormatConstant(OperatorCatalog.Epsilon);

    private static string Write(LossFunction loss, Dialect dialect)
    {
        var code = new StringBuilder();
        foreach (var line in dialect.Header)
        {
            code.AppendLine(line);
        }

        if (loss.Element.Uses(Op.P))
        {
            code.AppendLine(dialect.Probabilities);
        }

        if (loss.Element.Uses(Op.Y))
        {
            code.AppendLine(dialect.Labels);
            if (loss.LabelSmoothing > 0)
            {
                code.AppendLine(string.Format(CultureInfo.InvariantCulture, dialect.Smoothing, loss.LabelSmoothing));
            }
        }

        if (loss.Element.Uses(Op.Z))
        {
            code.AppendLine(dialect.Logits);
        }

        code.AppendLine(dialect.Term);
        code.AppendLine(loss.Reduction == ClassReduction.Mean ? dialect.MeanReturn : dialect.SumReturn);
        foreach (var line in dialect.Footer)
        {
            code.AppendLine(line);
        }

        return code.ToString();
    }

    private static string Print(Expr expr, Func<OperatorInfo, string> template) =>
        ExprWalk.Fold<string>(expr, (node, children) =>
        {
            if (!node.IsConstant)
            {
                return Template.Fill(template(OperatorCatalog.Info(node.Op)), children.ToArray());
            }

            var text = InfixPrinter.FormatConstant(node.Value);
            return node.Value < 0 ? $"({text})" : text;
        });

    /// <summary>The lines of one target language; {0} in <see cref="Smoothing"/> is the smoothing amount.</summary>
    private sealed record Dialect(
        IReadOnlyList<string> Header,
        string Probabilities,
        string Labels,
        string Smoothing,
        string Logits,
        string Term,
        string SumReturn,
        string MeanReturn,
        IReadOnlyList<string> Footer);
}
