using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire form of <see cref="EvaluationResult"/> (the status as its stable number).</summary>
[RegisterConverter]
public sealed class EvaluationResultConverter : IConverter<EvaluationResult, EvaluationResultConverter.Surrogate>
{
    public EvaluationResult ConvertFromSurrogate(in Surrogate surrogate) =>
        new(surrogate.Fitness, (EvaluationStatus)surrogate.Status, surrogate.Seconds, surrogate.Failure, surrogate.TrainingLoss)
        {
            TrainerId = surrogate.TrainerId ?? "",
            Permanent = surrogate.Permanent,
            Seeds = Math.Max(1, surrogate.Seeds),
            Spread = surrogate.Spread,
        };

    public Surrogate ConvertToSurrogate(in EvaluationResult value) => new()
    {
        Fitness = value.Fitness,
        Status = (int)value.Status,
        Seconds = value.Seconds,
        Failure = value.Failure,
        TrainingLoss = value.TrainingLoss,
        TrainerId = value.TrainerId,
        Permanent = value.Permanent,
        Seeds = value.Seeds,
        Spread = value.Spread,
    };

    [GenerateSerializer, Immutable, Alias("evograins.evaluation-result")]
    public struct Surrogate
    {
        [Id(0)]
        public double Fitness { get; set; }

        [Id(1)]
        public int Status { get; set; }

        [Id(2)]
        public double Seconds { get; set; }

        [Id(3)]
        public string? Failure { get; set; }

        [Id(4)]
        public double TrainingLoss { get; set; }

        [Id(5)]
        public string TrainerId { get; set; }

        [Id(6)]
        public bool Permanent { get; set; }

        [Id(7)]
        public int Seeds { get; set; }

        [Id(8)]
        public double Spread { get; set; }
    }
}
