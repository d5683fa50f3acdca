using System.Collections.Frozen;
using static System.FormattableString;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// The one registry of named published losses (METHODS.md sections 2-4 and 6), usable wherever an expression is:
/// families with their parameters, ranges and defaults, read by the name parser, the spec validator, the CLI's help
/// and the factories. A name is a family, bare (its published defaults) or with values: "gce", "gce(0.5)",
/// " sce( 0.1 , 1 ) "; names are case-insensitive and whitespace is ignored.
/// </summary>
public static class LossZoo
{
    private const string CrossEntropyText = "-(y * log(p))";

    /// <summary>
    /// RCE's scale, -log(1e-4): the log of the clamped zero entries of the one-hot label (Wang et al. 2019).
    /// </summary>
    public static readonly double RceScale = -Math.Log(1e-4);

    /// <summary>
    /// Every family, in the order help and tables list them (the first six are the zoo before parameters).
    /// </summary>
    public static IReadOnlyList<ZooFamily> Families { get; } =
    [
        Family("ce", "cross-entropy, -log p_y", [], _ => LossFunction.Parse(CrossEntropyText)),
        Family(
            "ls-ce",
            "CE towards the smoothed target (1 - eps)·y + eps/C",
            [new("eps", 0.1, 0, 1, MaxExcluded: true)],
            a => LossFunction.Parse(CrossEntropyText) with { LabelSmoothing = a[0] }),
        Family(
            "focal",
            "focal loss (Lin et al. 2017), -(1 - p_y)^gamma·log p_y",
            [new("gamma", 2, 0, 10)],
            a => Focal(a[0])),
        Family(
            "baikal",
            "Baikal (GLO, Gonzalez & Miikkulainen 2019), -Σ(log p - y/p)",
            [],
            _ => LossFunction.Parse("-(log(p) - y / p)")),
        Family(
            "ngl",
            "NGL (Akhmedova & Körber 2024), mean over classes of exp(2.4092 - p·(1 + y)) - cos(cos(sin p))",
            [],
            _ => LossFunction.Parse("exp(2.4092 - p * (1 + y)) - cos(cos(sin(p)))", ClassReduction.Mean)),
        Family(
            "taylorglo-mnist", "TaylorGLO's MNIST loss (Gonzalez & Miikkulainen 2021)", [],
            _ => TaylorGloLoss.FromParameters(TaylorGloLoss.MnistParameters)),
        Family(
            "poly1",
            "Poly-1 (Leng et al. 2022), -log p_y + eps·(1 - p_y)",
            [new("eps", 1, -1, 100)],
            a => LossFunction.Parse(Invariant($"{CrossEntropyText} + {a[0]} * (y * (1 - p))"))),
        Family("mae", "mean absolute error, Σ|p - y| = 2·(1 - p_y)", [], _ => LossFunction.Parse("abs(p - y)")),
        Family(
            "gce",
            "generalized CE (Zhang & Sabuncu 2018), (1 - p_y^q)/q",
            [new("q", 0.7, 0, 1, MinExcluded: true)],
            a => LossFunction.Parse(Invariant($"{1 / a[0]} * (y * (1 - exp({a[0]} * log(p))))"))),
        Family(
            "sce",
            "symmetric CE (Wang et al. 2019), alpha·CE + beta·RCE, RCE = -log(1e-4)·(1 - p_y); CIFAR-10: sce(0.1,1)",
            [new("alpha", 0.01, 0, 100), new("beta", 1, 0, 100)],
            a => LossFunction.Parse(Invariant($"{a[0]} * {CrossEntropyText} + {Rce(a[1])}"))),
        Family(
            "nce+rce",
            "APL (Ma et al. 2020), alpha·NCE + beta·RCE, NCE = -log p_y / Σ_k(-log p_k); CIFAR-10: nce+rce(1,1)",
            [new("alpha", 1, 0, 100), new("beta", 10, 0, 100)],
            a => LossFunction.Parse(Rce(a[1])) with { Normalized = [new(NormalizedLoss.Nce, a[0])] }),
        Family(
            "nce+nnce",
            "ANL-CE's loss (Ye et al. 2023), alpha·NCE + beta·NNCE, NNCE = 1 - (A + log p_y)/Σ_k(A + log p_k), A "
            + "= -log(1e-7); CIFAR-10: nce+nnce(5,5)",
            [new("alpha", 1, 0, 100), new("beta", 1, 0, 100)],
            a => new LossFunction(Expr.Const(0))
            {
                Normalized = [new(NormalizedLoss.Nce, a[0]), new(NormalizedLoss.Nnce, a[1])],
            }),
    ];

    private static readonly FrozenDictionary<string, ZooFamily> ByName =
        Families.ToFrozenDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The family names, in registry order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Families.Select(f => f.Name)];

    /// <summary>Every family's signature, e.g. "ce, ls-ce(eps), ..." (help texts).</summary>
    public static string Signatures { get; } = string.Join(", ", Families.Select(f => f.Signature));

    public static LossFunction CrossEntropy { get; } = ByName["ce"].Default.Loss;

    /// <summary>
    /// The zoo loss <paramref name="text"/> names, or null when it names no family (it may be an expression).
    /// </summary>
    /// <exception cref="LossNameException">It names a family with parameters the family does not take.</exception>
    public static ZooLoss? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var call = text.Trim();
        var open = call.IndexOf('(', StringComparison.Ordinal);
        if (!ByName.TryGetValue(WithoutWhitespace(open < 0 ? call : call[..open]), out var family))
        {
            return null;
        }

        if (open < 0)
        {
            return family.Default;
        }

        var inside = call.EndsWith(')') ? call[(open + 1)..^1] : null;
        if (inside is null || inside.IndexOfAny(['(', ')']) >= 0)
        {
            throw new LossNameException(
                $"{call}: write {family.Signature}{(family.Parameters.Count > 0 ? " with numbers" : "")}");
        }

        return family.Create(string.IsNullOrWhiteSpace(inside) ? [] : inside.Split(','), call);
    }

    /// <summary>The zoo member named by <paramref name="text"/>, with its canonical name.</summary>
    /// <exception cref="KeyNotFoundException">It names no family.</exception>
    /// <exception cref="LossNameException">As <see cref="Find"/>.</exception>
    public static ZooLoss Lookup(string text) =>
        Find(text) ?? throw new KeyNotFoundException($"'{text}' is not a loss in the zoo ({Signatures})");

    /// <summary>The loss of the zoo member named by <paramref name="text"/>.</summary>
    /// <exception cref="KeyNotFoundException">It names no family.</exception>
    /// <exception cref="LossNameException">As <see cref="Find"/>.</exception>
    public static LossFunction Get(string text) => Lookup(text).Loss;

    /// <summary>A zoo name, or else an expression in the infix syntax (summed over classes).</summary>
    /// <exception cref="LossNameException">A family with bad parameters.</exception>
    /// <exception cref="ExpressionParseException">Neither a zoo name nor an expression.</exception>
    public static LossFunction Resolve(string nameOrExpression) =>
        Find(nameOrExpression)?.Loss ?? LossFunction.Parse(nameOrExpression);

    private static ZooFamily Family(
        string name,
        string description,
        ZooParameter[] parameters,
        Func<IReadOnlyList<double>, LossFunction> build) =>
        new(name, description, parameters, build);

    // Integer gammas up to 2 as products (focal's default stays sq(1 - p)); any other through exp(gamma·log|1 - p|).
    private static LossFunction Focal(double gamma) => LossFunction.Parse(gamma switch
    {
        0 => CrossEntropyText,
        1 => "-(y * (1 - p) * log(p))",
        2 => "-(y * sq(1 - p) * log(p))",
        _ => Invariant($"-(y * exp({gamma} * log(1 - p)) * log(p))"),
    });

    // Summed over classes: weight·RCE = weight·(-log 1e-4)·(1 - p_y).
    private static string Rce(double weight) => Invariant($"{weight * RceScale} * (y * (1 - p))");

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
