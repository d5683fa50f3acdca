using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire form of <see cref="LossText"/>: Core stays free of Orleans.</summary>
[RegisterConverter]
public sealed class LossTextConverter : IConverter<LossText, LossTextConverter.Surrogate>
{
    public LossText ConvertFromSurrogate(in Surrogate surrogate) =>
        new(surrogate.Infix, surrogate.Reduction, surrogate.LabelSmoothing, surrogate.Normalized);

    public Surrogate ConvertToSurrogate(in LossText value) => new()
    {
        Infix = value.Infix,
        Reduction = value.Reduction,
        LabelSmoothing = value.LabelSmoothing,
        Normalized = value.Normalized,
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

        // Null for every evolved loss and in anything written before zoo baselines had normalised terms.
        [Id(3)]
        public string? Normalized { get; set; }
    }
}
