using EvoGrains.Core.Expressions;
using EvoGrains.Training.Native;
using TorchSharp;
using static EvoGrains.Training.Native.HeldScalars;
using static TorchSharp.torch;

namespace EvoGrains.Training.Losses;

/// <summary>
/// Builds a loss as TorchSharp autograd ops, in exactly the protected forms of the Core
/// interpreter (<see cref="OperatorMath"/>), so that training optimises the function screening saw.
/// </summary>
public static class TensorLossCompiler
{
    /// <summary>
    /// Mean over the batch of the class sum (or mean) of t(y, p, z), plus the loss's normalised terms.
    /// </summary>
    public static Tensor Forward(LossFunction loss, Tensor logits, Tensor labels) =>
        Forward(loss, LossInputs.Of(logits, labels));

    /// <summary>
    /// As <see cref="Forward(LossFunction, Tensor, Tensor)"/>, with the softmax and one-hot labels from
    /// <paramref name="inputs"/>.
    /// </summary>
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
                using var keep = (1 - loss.LabelSmoothing).ToScalar();
                using var spread = (loss.LabelSmoothing / classes).ToScalar();
                y = y.mul(keep).Plus(spread);
            }
        }

        // A fold, not recursion: a chain of thousands of terms must not exhaust the training thread's stack.
        var t = ExprWalk.Fold<Tensor>(loss.Element, (node, operands) => Build(node, operands, y, p, logits))
            .broadcast_to(logits.shape);
        var perSample = loss.Reduction == ClassReduction.Mean ? t.mean([1]) : t.sum(1);
        foreach (var term in loss.Normalized)
        {
            perSample = perSample.Plus(
                tensor(term.Weight, logits.dtype, logits.device) * NormalizedTensorLoss.PerSample(term.Loss, inputs));
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
                Op.Add => a.Plus(b),
                Op.Sub => a - b,
                Op.Mul => a * b,
                Op.Max => maximum(a, b),
                Op.Min => minimum(a, b),
                Op.Div => a / b.Plus(Epsilon),
                Op.Isru => a / sqrt(b.square().Plus(One)),
                _ => throw new NotSupportedException($"no TorchSharp form for {node.Op}"),
            };
        }

        return node.Op switch
        {
            Op.Neg => -a,
            Op.Log => log(a.abs().Plus(Epsilon)),
            Op.Log10 => log10(a.abs().Plus(Epsilon)),
            Op.Exp => exp(a),
            Op.Abs => a.abs(),
            Op.Sigmoid => sigmoid(a),
            Op.SoftRecip => a.abs().Plus(One).reciprocal(),
            Op.SoftPlus => log(exp(a).Plus(One).abs().Plus(Epsilon)),
            Op.Erf => special.erf(a),
            Op.Erfc => special.erfc(a),
            Op.Sin => sin(a),
            Op.Cos => cos(a),
            Op.Sinh => sinh(a),
            Op.Asinh => asinh(a),
            Op.Tanh => tanh(a),
            Op.Atan => atan(a),
            Op.Recip => a.Plus(Epsilon).reciprocal(),
            Op.I0 => special.i0(a),
            Op.I0e => special.i0e(a),
            Op.I1 => special.i1(a),
            Op.I1e => special.i1e(a),
            Op.Max0 => nn.functional.relu(a),
            Op.Min0 => -nn.functional.relu(-a),
            Op.Square => a.square(),
            Op.SqrtAbs => sqrt(a.abs().Plus(Epsilon)),
            Op.SoftSign => a / a.abs().Plus(One),
            Op.Sech2 => tanh(a).square().OneMinus(),
            Op.SigmoidDeriv => SigmoidDerivative(a),
            _ => throw new NotSupportedException($"no TorchSharp form for {node.Op}"),
        };
    }

    private static Tensor SigmoidDerivative(Tensor a)
    {
        var s = sigmoid(a);
        return s * s.OneMinus();
    }
}
