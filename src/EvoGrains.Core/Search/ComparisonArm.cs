using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search;

/// <summary>A loss taking part in a comparison: an evolved loss (named by hash) or a zoo baseline.</summary>
public sealed record ComparisonArm(string Name, bool IsBaseline, string Expression, LossText Loss)
{
    /// <summary>A zoo loss, named by its canonical name ("ls-ce", "sce(0.1,1)").</summary>
    public static ComparisonArm Baseline(string zooName)
    {
        var zoo = LossZoo.Lookup(zooName);
        return new ComparisonArm(zoo.Name, true, zoo.Loss.ToString(), LossText.From(zoo.Loss));
    }
}
