using EvoGrains.Core.Expressions;
using Orleans;

namespace EvoGrains.Core.Search;

/// <summary>A loss taking part in a comparison: an evolved loss (named by hash) or a zoo baseline.</summary>
[GenerateSerializer, Immutable, Alias("evograins.comparison-arm")]
public sealed record ComparisonArm(
    [Id(0)] string Name,
    [Id(1)] bool IsBaseline,
    [Id(2)] string Expression,
    [Id(3)] LossText Loss)
{
    /// <summary>A zoo loss, named by its canonical name ("ls-ce", "sce(0.1,1)").</summary>
    /// <summary>Marks the test-table arm of a family tuned on validation: "ls-ce(0.7)*".</summary>
    public const string TunedMark = "*";

    public static ComparisonArm Baseline(string zooName) => Baseline(LossZoo.Lookup(zooName));

    public static ComparisonArm Baseline(ZooLoss zoo) =>
        new(zoo.Name, true, zoo.Loss.ToString(), LossText.From(zoo.Loss));

    /// <summary>Whether this arm is a tuned family's best grid point in a test table.</summary>
    public bool IsTuned => IsBaseline && MarksTuned(Name);

    public static bool MarksTuned(string name) => name.EndsWith(TunedMark, StringComparison.Ordinal);
}
