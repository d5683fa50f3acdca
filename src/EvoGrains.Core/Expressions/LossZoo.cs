using System.Collections.Frozen;

namespace EvoGrains.Core.Expressions;

/// <summary>Named published losses (METHODS.md), usable wherever an expression is.</summary>
public static class LossZoo
{
    private static readonly FrozenDictionary<string, LossFunction> Losses = new Dictionary<string, LossFunction>
    {
        ["ce"] = LossFunction.Parse("-(y * log(p))"),
        ["ls-ce"] = LossFunction.Parse("-(y * log(p))") with { LabelSmoothing = 0.1 },
        ["focal"] = LossFunction.Parse("-(y * sq(1 - p) * log(p))"),
        ["baikal"] = LossFunction.Parse("-(log(p) - y / p)"),
        ["ngl"] = LossFunction.Parse("exp(2.4092 - p * (1 + y)) - cos(cos(sin(p)))", ClassReduction.Mean),
        ["taylorglo-mnist"] = TaylorGloLoss.FromParameters(TaylorGloLoss.MnistParameters),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Names { get; } = ["ce", "ls-ce", "focal", "baikal", "ngl", "taylorglo-mnist"];

    public static LossFunction CrossEntropy => Losses["ce"];

    public static bool TryGet(string name, out LossFunction loss) => Losses.TryGetValue(name.Trim(), out loss!);

    public static LossFunction Get(string name) =>
        TryGet(name, out var loss) ? loss : throw new KeyNotFoundException($"'{name}' is not a loss in the zoo ({string.Join(", ", Names)})");

    /// <summary>A zoo name, or else an expression in the infix syntax (summed over classes).</summary>
    public static LossFunction Resolve(string nameOrExpression) =>
        TryGet(nameOrExpression, out var loss) ? loss : LossFunction.Parse(nameOrExpression);
}
