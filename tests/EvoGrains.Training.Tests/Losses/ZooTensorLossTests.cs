using EvoGrains.Core.Expressions;
using EvoGrains.Training.Losses;
using static TorchSharp.torch;

namespace EvoGrains.Training.Tests.Losses;

/// <summary>
/// Zoo families as TorchSharp trains them against the Core float64 implementation screening and `loss eval` use:
/// batch loss and dL/dz by autograd, on rows that include a confident one (p about 1e-8: NNCE's clamp, CE's protection).
/// </summary>
public sealed class ZooTensorLossTests
{
    private static readonly double[][] Logits =
    [
        [0.3, -1.2, 2.0, 0.5, -0.3, 1.1],
        [9.0, -9.0, 0.0, 1.0, 2.0, -3.0],
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [-0.4, 1.1, 0.8, -2.5, 0.05, 1.9],
        [-2.0, 3.0, 0.5, 0.1, -1.0, 2.5],
    ];

    private static readonly long[] Labels = [2, 1, 0, 5, 3];

    [Theory]
    [InlineData("nce+rce")]
    [InlineData("nce+rce(1,1)")]
    [InlineData("nce+nnce")]
    [InlineData("nce+nnce(5,5)")]
    [InlineData("sce")]
    [InlineData("gce(0.3)")]
    [InlineData("mae")]
    [InlineData("poly1(-1)")]
    [InlineData("focal(2.5)")]
    [InlineData("ls-ce(0.3)")]
    public void Value_and_autograd_logit_gradient_match_the_core_float64_implementation(string name)
    {
        var loss = LossZoo.Get(name);
        var (expected, expectedGradient) = Core(loss);

        AssertMatches(name, loss, float64, expected, expectedGradient, relativeTolerance: 1e-10);
        AssertMatches(name, loss, float32, expected, expectedGradient, relativeTolerance: 1e-4);
    }

    private static (double Value, double[] Gradient) Core(LossFunction loss)
    {
        var interpreter = new LossInterpreter(loss);
        var classes = Logits[0].Length;
        var value = 0.0;
        var gradient = new double[Logits.Length * classes];
        for (var i = 0; i < Logits.Length; i++)
        {
            var row = new double[classes];
            value += interpreter.Evaluate(Logits[i], (int)Labels[i], row) / Logits.Length;
            for (var c = 0; c < classes; c++)
            {
                gradient[(i * classes) + c] = row[c] / Logits.Length;
            }
        }

        return (value, gradient);
    }

    private static void AssertMatches(string name, LossFunction loss, ScalarType dtype, double expected, double[] expectedGradient, double relativeTolerance)
    {
        using var scope = NewDisposeScope();
        var logits = tensor(Logits.SelectMany(r => r).ToArray(), [Logits.Length, Logits[0].Length], dtype).requires_grad_();
        var labels = tensor(Labels, dtype: int64);

        var value = new CompiledTensorLoss(loss, name).Compute(logits, labels);
        value.backward();
        var gradient = logits.grad!.to(float64).data<double>().ToArray();

        AssertClose(expected, value.to(float64).item<double>(), relativeTolerance, $"{name} ({dtype}): value");
        for (var k = 0; k < gradient.Length; k++)
        {
            AssertClose(expectedGradient[k], gradient[k], relativeTolerance, $"{name} ({dtype}): dL/dz[{k}]");
        }
    }

    private static void AssertClose(double expected, double actual, double relativeTolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= relativeTolerance * Math.Max(1, Math.Abs(expected)), $"{what}: Core {expected:R}, TorchSharp {actual:R}");
}
