using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

/// <summary>The operators and leaves a GP tree may use, and the constants it may draw.</summary>
public sealed record OperatorSet(
    IReadOnlyList<Op> Unary,
    IReadOnlyList<Op> Binary,
    IReadOnlyList<Op> Variables,
    IReadOnlyList<double> Constants)
{
    /// <summary>GLO's space: + - * / log sqrt over y, p, 1, -1.</summary>
    public static OperatorSet Glo { get; } =
        new(OperatorCatalog.GloUnary, OperatorCatalog.GloBinary, [Op.Y, Op.P], [1, -1]);

    /// <summary>Every operator in the catalog (NLFS's 27+7 and cos), over y, p, 1, -1.</summary>
    public static OperatorSet Full { get; } =
        new(OperatorCatalog.AllUnary, OperatorCatalog.AllBinary, [Op.Y, Op.P], [1, -1]);

    public static OperatorSet Named(string name) => name.ToLowerInvariant() switch
    {
        "glo" => Glo,
        "full" => Full,
        _ => throw new ArgumentException($"unknown operator set '{name}' (glo, full)", nameof(name)),
    };
}
