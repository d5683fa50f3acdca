using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire and storage form of <see cref="IslandStatus"/>.</summary>
[RegisterConverter]
public sealed class IslandStatusConverter : IConverter<IslandStatus, IslandStatusConverter.Surrogate>
{
    public IslandStatus ConvertFromSurrogate(in Surrogate surrogate) => new()
    {
        Island = surrogate.Island,
        Method = surrogate.Method,
        PopulationSize = surrogate.PopulationSize,
        BestFitness = surrogate.BestFitness,
        BestExpression = surrogate.BestExpression,
        Diversity = surrogate.Diversity,
        Evaluations = surrogate.Evaluations,
        InFlight = surrogate.InFlight,
        RejectedByScreening = surrogate.RejectedByScreening,
        Duplicates = surrogate.Duplicates,
        SharedResults = surrogate.SharedResults,
        MigrantsReceived = surrogate.MigrantsReceived,
        Exhausted = surrogate.Exhausted,
    };

    public Surrogate ConvertToSurrogate(in IslandStatus value) => new()
    {
        Island = value.Island,
        Method = value.Method,
        PopulationSize = value.PopulationSize,
        BestFitness = value.BestFitness,
        BestExpression = value.BestExpression,
        Diversity = value.Diversity,
        Evaluations = value.Evaluations,
        InFlight = value.InFlight,
        RejectedByScreening = value.RejectedByScreening,
        Duplicates = value.Duplicates,
        SharedResults = value.SharedResults,
        MigrantsReceived = value.MigrantsReceived,
        Exhausted = value.Exhausted,
    };

    [GenerateSerializer, Immutable, Alias("evograins.island-status")]
    public struct Surrogate
    {
        [Id(0)]
        public int Island { get; set; }

        [Id(1)]
        public string Method { get; set; }

        [Id(2)]
        public int PopulationSize { get; set; }

        [Id(3)]
        public double BestFitness { get; set; }

        [Id(4)]
        public string? BestExpression { get; set; }

        [Id(5)]
        public int Diversity { get; set; }

        [Id(6)]
        public long Evaluations { get; set; }

        [Id(7)]
        public int InFlight { get; set; }

        [Id(8)]
        public long RejectedByScreening { get; set; }

        [Id(9)]
        public long Duplicates { get; set; }

        [Id(10)]
        public long SharedResults { get; set; }

        [Id(11)]
        public long MigrantsReceived { get; set; }

        [Id(12)]
        public bool Exhausted { get; set; }
    }
}
