using System.Globalization;
using System.Text;

namespace EvoGrains.Core.Expressions;

/// <summary>Prints a loss as ready-to-use PyTorch or TorchSharp code with the same protected forms.</summary>
public static class CodePrinter
{
    public static string PyTorchExpression(Expr expr) => Print(expr, static info => info.PyTorch);

    public static string TorchSharpExpression(Expr expr) => Print(expr, static info => info.TorchSharp);

    public static string PyTorch(LossFunction loss)
    {
        var code = new StringBuilder();
        code.AppendLine("import torch");
        code.AppendLine();
        code.AppendLine(CultureInfo.InvariantCulture, $"EPS = {InfixPrinter.FormatConstant(OperatorCatalog.Epsilon)}");
        code.AppendLine();
        code.AppendLine();
        code.AppendLine("def loss(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:");
        code.AppendLine(CultureInfo.InvariantCulture, $"    \"\"\"{loss}\"\"\"");
        if (loss.Element.Uses(Op.P))
        {
            code.AppendLine("    p = torch.softmax(logits, dim=1)");
        }

        if (loss.Element.Uses(Op.Y))
        {
            code.AppendLine("    y = torch.nn.functional.one_hot(target, logits.shape[1]).to(logits.dtype)");
            if (loss.LabelSmoothing > 0)
            {
                code.AppendLine(CultureInfo.InvariantCulture, $"    y = y * (1 - {loss.LabelSmoothing}) + {loss.LabelSmoothing} / logits.shape[1]");
            }
        }

        if (loss.Element.Uses(Op.Z))
        {
            code.AppendLine("    z = logits");
        }

        code.AppendLine(CultureInfo.InvariantCulture, $"    t = {PyTorchExpression(loss.Element)}");
        code.AppendLine(loss.Reduction == ClassReduction.Mean ? "    return t.mean(dim=1).mean()" : "    return t.sum(dim=1).mean()");
        return code.ToString();
    }

    public static string TorchSharp(LossFunction loss)
    {
        var code = new StringBuilder();
        code.AppendLine("using TorchSharp;");
        code.AppendLine("using static TorchSharp.torch;");
        code.AppendLine();
        code.AppendLine(CultureInfo.InvariantCulture, $"// {loss}");
        code.AppendLine("static Tensor Loss(Tensor logits, Tensor target)");
        code.AppendLine("{");
        code.AppendLine(CultureInfo.InvariantCulture, $"    const double EPS = {InfixPrinter.FormatConstant(OperatorCatalog.Epsilon)};");
        if (loss.Element.Uses(Op.P))
        {
            code.AppendLine("    var p = torch.nn.functional.softmax(logits, 1);");
        }

        if (loss.Element.Uses(Op.Y))
        {
            code.AppendLine("    var y = torch.nn.functional.one_hot(target, logits.shape[1]).to(logits.dtype);");
            if (loss.LabelSmoothing > 0)
            {
                code.AppendLine(CultureInfo.InvariantCulture, $"    y = y * (1 - {loss.LabelSmoothing}) + {loss.LabelSmoothing} / logits.shape[1];");
            }
        }

        if (loss.Element.Uses(Op.Z))
        {
            code.AppendLine("    var z = logits;");
        }

        code.AppendLine(CultureInfo.InvariantCulture, $"    var t = {TorchSharpExpression(loss.Element)};");
        code.AppendLine(loss.Reduction == ClassReduction.Mean ? "    return t.mean([1]).mean();" : "    return t.sum(1).mean();");
        code.AppendLine("}");
        return code.ToString();
    }

    private static string Print(Expr node, Func<OperatorInfo, string> template)
    {
        if (node.IsConstant)
        {
            var text = InfixPrinter.FormatConstant(node.Value);
            return node.Value < 0 ? $"({text})" : text;
        }

        return Template.Fill(template(OperatorCatalog.Info(node.Op)), node.Children.Select(child => Print(child, template)).ToList());
    }
}
