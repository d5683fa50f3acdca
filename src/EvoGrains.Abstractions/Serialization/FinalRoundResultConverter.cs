using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire and storage form of <see cref="FinalRoundResult"/>.</summary>
[RegisterConverter]
public sealed class FinalRoundResultConverter : IConverter<FinalRoundResult, FinalRoundResultConverter.Surrogate>
{
    public FinalRoundResult ConvertFromSurrogate(in Surrogate surrogate) =>
        new(surrogate.Round, surrogate.Steps, surrogate.Seeds, surrogate.TrainSubset, surrogate.Rows, surrogate.Kept);

    public Surrogate ConvertToSurrogate(in FinalRoundResult value) => new()
    {
        Round = value.Round,
        Steps = value.Steps,
        Seeds = value.Seeds,
        TrainSubset = value.TrainSubset,
        Rows = value.Rows,
        Kept = value.Kept,
    };

    [GenerateSerializer, Immutable, Alias("evograins.final-round-result")]
    public struct Surrogate
    {
        [Id(0)]
        public int Round { get; set; }

        [Id(1)]
        public int Steps { get; set; }

        [Id(2)]
        public int Seeds { get; set; }

        [Id(3)]
        public int? TrainSubset { get; set; }

        [Id(4)]
        public IReadOnlyList<ComparisonRow> Rows { get; set; }

        [Id(5)]
        public IReadOnlyList<string> Kept { get; set; }
    }
}
