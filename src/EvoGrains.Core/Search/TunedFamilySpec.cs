using EvoGrains.Core.Expressions;
using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>
/// A zoo family tuned on validation before the final stage's test round (METHODS.md §6, fair tuning): each point of
/// <see cref="Grid"/> (the family's parameter values, in signature order) goes through the same rounds as the found
/// losses, and the family's best point enters the test table, marked tuned.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.tuned-family-spec")]
public sealed record TunedFamilySpec
{
    [Id(0)] internal readonly string family = null!;

    public required string Family { get => family; init => family = value; }

    [Id(1)] internal readonly IReadOnlyList<IReadOnlyList<double>> grid = null!;

    public required IReadOnlyList<IReadOnlyList<double>> Grid { get => grid; init => grid = value; }

    /// <summary>
    /// The default grids of METHODS.md §6: clean labels tune ls-ce and poly1; label noise adds gce and sce.
    /// </summary>
    public static IReadOnlyList<TunedFamilySpec> Defaults(bool labelNoise)
    {
        IReadOnlyList<TunedFamilySpec> clean =
        [
            Of("ls-ce", [0.05], [0.1], [0.2], [0.3], [0.5], [0.7], [0.9]),
            Of("poly1", [-1], [0.5], [1], [2], [4]),
        ];
        return labelNoise
            ? [.. clean, Of("gce", [0.3], [0.5], [0.7], [0.9]), Of("sce", [0.01, 1], [0.1, 1], [1, 1])]
            : clean;
    }

    /// <summary>The grid's zoo losses.</summary>
    /// <exception cref="LossNameException">The family takes other parameters, or a value is out of its
    /// range.</exception>
    /// <exception cref="KeyNotFoundException">The family is not in the zoo.</exception>
    public IReadOnlyList<ZooLoss> Points()
    {
        var family = LossZoo.Lookup(Family).Family;
        return Grid.Select(point => family.Create(point)).ToList();
    }

    private static TunedFamilySpec Of(string family, params double[][] grid) => new() { Family = family, Grid = grid };
}
