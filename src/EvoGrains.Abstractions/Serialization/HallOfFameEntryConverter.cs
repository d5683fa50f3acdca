using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire and storage form of <see cref="HallOfFameEntry"/>.</summary>
[RegisterConverter]
public sealed class HallOfFameEntryConverter : IConverter<HallOfFameEntry, HallOfFameEntryConverter.Surrogate>
{
    public HallOfFameEntry ConvertFromSurrogate(in Surrogate surrogate) => new()
    {
        Hash = surrogate.Hash,
        Expression = surrogate.Expression,
        Loss = surrogate.Loss,
        Fitness = surrogate.Fitness,
        Island = surrogate.Island,
        Operator = surrogate.Operator,
        Parents = surrogate.Parents,
        Rung = surrogate.Rung,
        Seeds = Math.Max(1, surrogate.Seeds),
        Spread = surrogate.Spread,
    };

    public Surrogate ConvertToSurrogate(in HallOfFameEntry value) => new()
    {
        Hash = value.Hash,
        Expression = value.Expression,
        Loss = value.Loss,
        Fitness = value.Fitness,
        Island = value.Island,
        Operator = value.Operator,
        Parents = value.Parents,
        Rung = value.Rung,
        Seeds = value.Seeds,
        Spread = value.Spread,
    };

    [GenerateSerializer, Immutable, Alias("evograins.hall-of-fame-entry")]
    public struct Surrogate
    {
        [Id(0)]
        public string Hash { get; set; }

        [Id(1)]
        public string Expression { get; set; }

        [Id(2)]
        public LossText Loss { get; set; }

        [Id(3)]
        public double Fitness { get; set; }

        [Id(4)]
        public int Island { get; set; }

        [Id(5)]
        public string Operator { get; set; }

        [Id(6)]
        public IReadOnlyList<string> Parents { get; set; }

        [Id(7)]
        public int Rung { get; set; }

        [Id(8)]
        public int Seeds { get; set; }

        [Id(9)]
        public double Spread { get; set; }
    }
}
