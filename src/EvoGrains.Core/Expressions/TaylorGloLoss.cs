using System.Globalization;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// TaylorGLO's third-order Taylor loss (Gonzalez and Miikkulainen 2021):
/// t = a2 u + a3 u^2 + a4 u^3 + a5 v u + a6 v u^2 + a7 v^2 u with u = p - c1, v = y - c0,
/// and the loss is the batch mean of -(sum over classes of t).
/// </summary>
public static class TaylorGloLoss
{
    public const int ParameterCount = 8;

    private static readonly string[] Names = ["c0", "c1", "a2", "a3", "a4", "a5", "a6", "a7"];

    /// <summary>
    /// The loss the authors carried over from MNIST (cognizant-ai-labs/TaylorGLO,
    /// experiments/oneShot/CIFAR10ResNet_LossFromMNIST.json), as (c0, c1, a2..a7).
    /// </summary>
    public static IReadOnlyList<double> MnistParameters { get; } =
        [-10.9408, 7.5216, 8.2896, 0.2415, 7.8726, 8.9666, 2.0184, 7.0513];

    public static LossFunction FromParameters(IReadOnlyList<double> parameters)
    {
        if (parameters.Count != ParameterCount)
        {
            throw new ArgumentException(
                $"TaylorGLO takes {ParameterCount} parameters (c0, c1, a2..a7), not {parameters.Count}",
                nameof(parameters));
        }

        var (c0, c1) = (parameters[0], parameters[1]);
        var u = Expr.P - Expr.Const(c1);
        var v = Expr.Y - Expr.Const(c0);
        Expr Coefficient(int i) => Expr.Const(parameters[i]);
        var t = Coefficient(2) * u
            + Coefficient(3) * Expr.Unary(Op.Square, u)
            + Coefficient(4) * Expr.Unary(Op.Square, u) * u
            + Coefficient(5) * v * u
            + Coefficient(6) * v * Expr.Unary(Op.Square, u)
            + Coefficient(7) * Expr.Unary(Op.Square, v) * u;
        return new LossFunction(-t);
    }

    public static string Describe(IReadOnlyList<double> parameters) =>
        string.Join(", ", parameters.Select((value, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{Names[i]}={value:G6}")));
}
