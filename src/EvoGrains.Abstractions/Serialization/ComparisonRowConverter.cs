using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire and storage form of <see cref="ComparisonRow"/>.</summary>
[RegisterConverter]
public sealed class ComparisonRowConverter : IConverter<ComparisonRow, ComparisonRowConverter.Surrogate>
{
    public ComparisonRow ConvertFromSurrogate(in Surrogate surrogate) => new()
    {
        Name = surrogate.Name,
        IsBaseline = surrogate.IsBaseline,
        Expression = surrogate.Expression,
        Loss = surrogate.Loss,
        Fitnesses = surrogate.Fitnesses,
        Mean = surrogate.Mean,
        StandardDeviation = surrogate.StandardDeviation,
        ConfidenceHalfWidth = surrogate.ConfidenceHalfWidth,
        PValueVsCe = surrogate.PValueVsCe,
        PairedPValueVsCe = surrogate.PairedPValueVsCe,
        PValueVsBestBaseline = surrogate.PValueVsBestBaseline,
        PairedPValueVsBestBaseline = surrogate.PairedPValueVsBestBaseline,
        SecondsPerRun = surrogate.SecondsPerRun,
        FailedRuns = surrogate.FailedRuns,
    };

    public Surrogate ConvertToSurrogate(in ComparisonRow value) => new()
    {
        Name = value.Name,
        IsBaseline = value.IsBaseline,
        Expression = value.Expression,
        Loss = value.Loss,
        Fitnesses = value.Fitnesses,
        Mean = value.Mean,
        StandardDeviation = value.StandardDeviation,
        ConfidenceHalfWidth = value.ConfidenceHalfWidth,
        PValueVsCe = value.PValueVsCe,
        PairedPValueVsCe = value.PairedPValueVsCe,
        PValueVsBestBaseline = value.PValueVsBestBaseline,
        PairedPValueVsBestBaseline = value.PairedPValueVsBestBaseline,
        SecondsPerRun = value.SecondsPerRun,
        FailedRuns = value.FailedRuns,
    };

    [GenerateSerializer, Immutable, Alias("evograins.comparison-row")]
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

        [Id(4)]
        public IReadOnlyList<double> Fitnesses { get; set; }

        [Id(5)]
        public double Mean { get; set; }

        [Id(6)]
        public double StandardDeviation { get; set; }

        [Id(7)]
        public double ConfidenceHalfWidth { get; set; }

        [Id(8)]
        public double PValueVsCe { get; set; }

        [Id(9)]
        public double PairedPValueVsCe { get; set; }

        [Id(10)]
        public double PValueVsBestBaseline { get; set; }

        [Id(11)]
        public double PairedPValueVsBestBaseline { get; set; }

        [Id(12)]
        public double SecondsPerRun { get; set; }

        [Id(13)]
        public int FailedRuns { get; set; }
    }
}
