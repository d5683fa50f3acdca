using CsCheck;
using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

/// <summary>Generators of random expressions built from the domain's own tree generator.</summary>
internal static class RandomTrees
{
    /// <summary>Every operator, the variables y, p, z and awkward constants (negative, tiny, huge, zero).</summary>
    public static readonly OperatorSet Everything = new(
        OperatorCatalog.AllUnary,
        OperatorCatalog.AllBinary,
        [Op.Y, Op.P, Op.Z],
        [1, -1, 0, 2, -2.5, 0.1, -0.1, 1e-7, -3e10, 123.456, 1.0 / 3]);

    /// <summary>Operators with continuous derivatives almost everywhere, for finite-difference checks.</summary>
    public static readonly OperatorSet Smooth = new(
        [Op.Exp, Op.Sin, Op.Tanh, Op.Sigmoid, Op.Log, Op.Atan, Op.Square, Op.Neg],
        [Op.Add, Op.Sub, Op.Mul],
        [Op.Y, Op.P, Op.Z],
        [1, -1, 0.5, 2]);

    /// <summary>A tree from <see cref="TreeGenerator.Grow"/>, decorated with negations (single and nested, also of constants).</summary>
    public static Expr Decorated(OperatorSet operators, int seed, int maxDepth)
    {
        var random = new Random(seed);
        var tree = new TreeGenerator(operators).Grow(random, maxDepth);
        var wraps = random.Next(3);
        for (var i = 0; i < wraps; i++)
        {
            var index = random.Next(tree.Size);
            var node = tree.Nodes().ElementAt(index);
            var wrapped = random.Next(3) switch
            {
                0 => -node,
                1 => -(-node),
                _ => node.IsConstant ? -Expr.Const(-Math.Abs(node.Value) - 0.5) : -node,
            };
            tree = tree.Replace(index, wrapped);
        }

        return tree;
    }

    public static Gen<Expr> Trees(OperatorSet operators, int maxDepth) =>
        Gen.Int.Select(seed => Decorated(operators, seed, maxDepth));

    public static Gen<Expr> Trees(int maxDepth = 6) => Trees(Everything, maxDepth);

    /// <summary>
    /// Runs an evaluation, reading an <see cref="ArithmeticException"/> as NaN (OperatorMath used to throw on
    /// NaN intermediates; OperatorMathNaNTests guards that): the properties here are about finite points only.
    /// </summary>
    public static double NaNSafe(Func<double> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (ArithmeticException)
        {
            return double.NaN;
        }
    }
}
