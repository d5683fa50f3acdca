using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire and storage form of <see cref="HistoryEntry"/>.</summary>
[RegisterConverter]
public sealed class HistoryEntryConverter : IConverter<HistoryEntry, HistoryEntryConverter.Surrogate>
{
    public HistoryEntry ConvertFromSurrogate(in Surrogate surrogate) => new()
    {
        Index = surrogate.Index,
        Island = surrogate.Island,
        Hash = surrogate.Hash,
        Expression = surrogate.Expression,
        Loss = surrogate.Loss,
        Genome = surrogate.Genome,
        Fitness = surrogate.Fitness,
        Status = (EvaluationStatus)surrogate.Status,
        Seconds = surrogate.Seconds,
        Operator = surrogate.Operator,
        Parents = surrogate.Parents,
        Failure = surrogate.Failure,
        Shared = surrogate.Shared,
        CompletedAt = surrogate.CompletedAt,
        Permanent = surrogate.Permanent,
        Rung = surrogate.Rung,
        Steps = surrogate.Steps,
        Seeds = Math.Max(1, surrogate.Seeds),
        Spread = surrogate.Spread,
        Sequence = surrogate.Sequence,
    };

    public Surrogate ConvertToSurrogate(in HistoryEntry value) => new()
    {
        Index = value.Index,
        Island = value.Island,
        Hash = value.Hash,
        Expression = value.Expression,
        Loss = value.Loss,
        Genome = value.Genome,
        Fitness = value.Fitness,
        Status = (int)value.Status,
        Seconds = value.Seconds,
        Operator = value.Operator,
        Parents = value.Parents,
        Failure = value.Failure,
        Shared = value.Shared,
        CompletedAt = value.CompletedAt,
        Permanent = value.Permanent,
        Rung = value.Rung,
        Steps = value.Steps,
        Seeds = value.Seeds,
        Spread = value.Spread,
        Sequence = value.Sequence,
    };

    [GenerateSerializer, Immutable, Alias("evograins.history-entry")]
    public struct Surrogate
    {
        [Id(0)]
        public long Index { get; set; }

        [Id(1)]
        public int Island { get; set; }

        [Id(2)]
        public string Hash { get; set; }

        [Id(3)]
        public string Expression { get; set; }

        [Id(4)]
        public LossText Loss { get; set; }

        [Id(5)]
        public string Genome { get; set; }

        [Id(6)]
        public double Fitness { get; set; }

        [Id(7)]
        public int Status { get; set; }

        [Id(8)]
        public double Seconds { get; set; }

        [Id(9)]
        public string Operator { get; set; }

        [Id(10)]
        public IReadOnlyList<string> Parents { get; set; }

        [Id(11)]
        public string? Failure { get; set; }

        [Id(12)]
        public bool Shared { get; set; }

        [Id(13)]
        public DateTimeOffset CompletedAt { get; set; }

        [Id(14)]
        public bool Permanent { get; set; }

        [Id(15)]
        public int Rung { get; set; }

        [Id(16)]
        public int Steps { get; set; }

        [Id(17)]
        public int Seeds { get; set; }

        [Id(18)]
        public double Spread { get; set; }

        [Id(19)]
        public long Sequence { get; set; }
    }
}
