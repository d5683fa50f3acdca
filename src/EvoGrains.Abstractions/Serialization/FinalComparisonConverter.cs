using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire and storage form of <see cref="FinalComparison"/>.</summary>
[RegisterConverter]
public sealed class FinalComparisonConverter : IConverter<FinalComparison, FinalComparisonConverter.Surrogate>
{
    public FinalComparison ConvertFromSurrogate(in Surrogate surrogate) => new()
    {
        Steps = surrogate.Steps,
        Seeds = surrogate.Seeds,
        Rows = surrogate.Rows,
        CompletedAt = surrogate.CompletedAt,
        Split = surrogate.Split ?? FinalComparison.Validation,
        Rounds = surrogate.Rounds ?? [],
        Trainings = surrogate.Trainings,
        Transfer = surrogate.Transfer ?? [],
    };

    public Surrogate ConvertToSurrogate(in FinalComparison value) => new()
    {
        Steps = value.Steps,
        Seeds = value.Seeds,
        Rows = value.Rows,
        CompletedAt = value.CompletedAt,
        Split = value.Split,
        Rounds = value.Rounds,
        Trainings = value.Trainings,
        Transfer = value.Transfer,
    };

    [GenerateSerializer, Immutable, Alias("evograins.final-comparison")]
    public struct Surrogate
    {
        [Id(0)]
        public int Steps { get; set; }

        [Id(1)]
        public int Seeds { get; set; }

        [Id(2)]
        public IReadOnlyList<ComparisonRow> Rows { get; set; }

        [Id(3)]
        public DateTimeOffset CompletedAt { get; set; }

        [Id(4)]
        public string Split { get; set; }

        [Id(5)]
        public IReadOnlyList<FinalRoundResult> Rounds { get; set; }

        [Id(6)]
        public int Trainings { get; set; }

        [Id(7)]
        public IReadOnlyList<TransferResult>? Transfer { get; set; }
    }
}
