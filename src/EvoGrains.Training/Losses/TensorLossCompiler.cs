using EvoGrains.Core.Expressions;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Losses;

/// <summary>
/// Builds a loss as TorchSharp autograd ops, in exactly the protected forms of the Core
/// interpreter (<see cref="OperatorMath"/>), so that training optimises the function screening saw.
/// </summary>
public static class TensorLossCompiler
{
    private const double Eps = OperatorCatalog.Epsilon;

    /// <summary>Mean over the batch of the class sum (or mean) of t(y, p, z), plus the loss's normalised terms.</summary>
    public static Tensor Forward(LossFunction loss, Tensor logits, Tensor labels) => Forward(loss, LossInputs.Of(logits, labels));

    /// <summary>As <see cref="Forward(LossFunction, Tensor, Tensor)"/>, with the softmax and one-hot labels from <paramref name="inputs"/>.</summary>
    public static Tensor Forward(LossFunction loss, LossInputs inputs)
    {
        var logits = inputs.Logits;
        var classes = logits.shape[1];
        var p = loss.Element.Uses(Op.P) ? inputs.Probabilities : null;
        Tensor? y = null;
        if (loss.Element.Uses(Op.Y))
        {
            y = inputs.OneHot;
            if (loss.LabelSmoothing > 0)
            {
                y = y * (1 - loss.LabelSmoothing) + loss.LabelSmoothing / classes;
            }
        }

        // A fold, not recursion: a chain of thousands of terms must not exhaust the training thread's stack.
        var t = ExprWalk.Fold<Tensor>(loss.Element, (node, operands) => Build(node, operands, y, p, logits)).broadcast_to(logits.shape);
        var perSample = loss.Reduction == ClassReduction.Mean ? t.mean([1]) : t.sum(1);
        foreach (var term in loss.Normalized)
        {
            perSample += tensor(term.Weight, logits.dtype, logits.device) * NormalizedTensorLoss.PerSample(term.Loss, inputs);
        }

        return perSample.mean();
    }

    private static Tensor Build(Expr node, ReadOnlySpan<Tensor> operands, Tensor? y, Tensor? p, Tensor z)
    {
        switch (node.Op)
        {
            case Op.Y: return y!;
            case Op.P: return p!;
            case Op.Z: return z;
            case Op.Const: return tensor(node.Value, z.dtype, z.device);
        }

        var a = operands[0];
        if (operands.Length == 2)
        {
            var b = operands[1];
            return node.Op switch
            {
                Op.Add => a + b,
                Op.Sub => a - b,
                Op.Mul => a * b,
                Op.Max => maximum(a, b),
                Op.Min => minimum(a, b),
                Op.Div => a / (b + Eps),
                Op.Isru => a / sqrt(b.square() + 1),
                _ => throw new NotSupportedException($"no TorchSharp form for {node.Op}"),
            };
        }

        return node.Op switch
        {
            Op.Neg => -a,
            Op.Log => log(a.abs() + Eps),
            Op.Log10 => log10(a.abs() + Eps),
            Op.Exp => exp(a),
            Op.Abs => a.abs(),
            Op.Sigmoid => sigmoid(a),
            Op.SoftRecip => (a.abs() + 1).reciprocal(),
            Op.SoftPlus => log((exp(a) + 1).abs() + Eps),
            Op.Erf => special.erf(a),
            Op.Erfc => special.erfc(a),
            Op.Sin => sin(a),
            Op.Cos => cos(a),
            Op.Sinh => sinh(a),
            Op.Asinh => asinh(a),
            Op.Tanh => tanh(a),
            Op.Atan => atan(a),
            Op.Recip => (a + Eps).reciprocal(),
            Op.I0 => special.i0(a),
            Op.I0e => special.i0e(a),
            Op.I1 => special.i1(a),
            Op.I1e => special.i1e(a),
            Op.Max0 => nn.functional.relu(a),
            Op.Min0 => -nn.functional.relu(-a),
            Op.Square => a.square(),
            Op.SqrtAbs => sqrt(a.abs() + Eps),
            Op.SoftSign => a / (a.abs() + 1),
            Op.Sech2 => 1 - tanh(a).square(),
            Op.SigmoidDeriv => SigmoidDerivative(a),
            _ => throw new NotSupportedException($"no TorchSharp form for {node.Op}"),
        };
    }

    private static Tensor SigmoidDerivative(Tensor a)
    {
        var s = sigmoid(a);
        return s * (1 - s);
    }
}
