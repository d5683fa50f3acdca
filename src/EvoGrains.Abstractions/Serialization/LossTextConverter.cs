using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire form of <see cref="LossText"/>: Core stays free of Orleans.</summary>
[RegisterConverter]
public sealed class LossTextConverter : IConverter<LossText, LossTextConverter.Surrogate>
{
    public LossText ConvertFromSurrogate(in Surrogate surrogate) =>
        new(surrogate.Infix, surrogate.Reduction, surrogate.LabelSmoothing);

    public Surrogate ConvertToSurrogate(in LossText value) => new()
    {
        Infix = value.Infix,
        Reduction = value.Reduction,
        LabelSmoothing = value.LabelSmoothing,
    };

    [GenerateSerializer, Immutable, Alias("evograins.loss-text")]
    public struct Surrogate
    {
        [Id(0)]
        public string Infix { get; set; }

        [Id(1)]
        public string Reduction { get; set; }

        [Id(2)]
        public double LabelSmoothing { get; set; }
    }
}
