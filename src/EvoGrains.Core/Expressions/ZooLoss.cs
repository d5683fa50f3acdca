namespace EvoGrains.Core.Expressions;

/// <summary>One member of a <see cref="ZooFamily"/>: the family, its parameter values and the loss they give.</summary>
public sealed class ZooLoss
{
    internal ZooLoss(ZooFamily family, IReadOnlyList<double> arguments, LossFunction loss)
    {
        Family = family;
        Arguments = arguments;
        Loss = loss;
        Name = family.DisplayName(arguments);
    }

    public ZooFamily Family { get; }

    public IReadOnlyList<double> Arguments { get; }

    public LossFunction Loss { get; }

    /// <summary>
    /// The canonical name (arm names in tables): the bare family name for its defaults, else e.g. "sce(0.1,1)".
    /// </summary>
    public string Name { get; }

    public override string ToString() => Name;
}
