using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire and storage form of <see cref="ComparisonArm"/>.</summary>
[RegisterConverter]
public sealed class ComparisonArmConverter : IConverter<ComparisonArm, ComparisonArmConverter.Surrogate>
{
    public ComparisonArm ConvertFromSurrogate(in Surrogate surrogate) =>
        new(surrogate.Name, surrogate.IsBaseline, surrogate.Expression, surrogate.Loss);

    public Surrogate ConvertToSurrogate(in ComparisonArm value) => new()
    {
        Name = value.Name,
        IsBaseline = value.IsBaseline,
        Expression = value.Expression,
        Loss = value.Loss,
    };

    [GenerateSerializer, Immutable, Alias("evograins.comparison-arm")]
    public struct Surrogate
    {
        [Id(0)]
        public string Name { get; set; }

        [Id(1)]
        public bool IsBaseline { get; set; }

        [Id(2)]
        public string Expression { get; set; }

        [Id(3)]
        public LossText Loss { get; set; }
    }
}
