using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Search;

/// <summary>A loss taking part in a comparison: an evolved loss (named by hash) or a zoo baseline.</summary>
public sealed record ComparisonArm(string Name, bool IsBaseline, string Expression, LossText Loss)
{
    public static ComparisonArm Baseline(string zooName)
    {
        var loss = LossZoo.Get(zooName);
        return new ComparisonArm(zooName.Trim().ToLowerInvariant(), true, loss.ToString(), LossText.From(loss));
    }
}
