using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Wire form of <see cref="SearchStatus"/> (the state as its stable number).</summary>
[RegisterConverter]
public sealed class SearchStatusConverter : IConverter<SearchStatus, SearchStatusConverter.Surrogate>
{
    public SearchStatus ConvertFromSurrogate(in Surrogate surrogate) => new()
    {
        SearchId = surrogate.SearchId,
        Name = surrogate.Name,
        State = (SearchState)surrogate.State,
        EvaluationsDone = surrogate.EvaluationsDone,
        MaxEvaluations = surrogate.MaxEvaluations,
        InFlight = surrogate.InFlight,
        RejectedByScreening = surrogate.RejectedByScreening,
        Deduplicated = surrogate.Deduplicated,
        LateResults = surrogate.LateResults,
        EvaluationsPerMinute = surrogate.EvaluationsPerMinute,
        BestFitness = surrogate.BestFitness,
        BestExpression = surrogate.BestExpression,
        Islands = surrogate.Islands,
        Trainers = surrogate.Trainers,
        TrainerUtilisation = surrogate.TrainerUtilisation,
        FinalJobsDone = surrogate.FinalJobsDone,
        FinalJobsTotal = surrogate.FinalJobsTotal,
        StartedAt = surrogate.StartedAt,
        EndedAt = surrogate.EndedAt,
        Failure = surrogate.Failure,
        TrainingSteps = surrogate.TrainingSteps,
        MaxTrainingSteps = surrogate.MaxTrainingSteps,
        MaxMinutes = surrogate.MaxMinutes,
        FinalStageStartedAt = surrogate.FinalStageStartedAt,
        CancelledTrainings = surrogate.CancelledTrainings,
    };

    public Surrogate ConvertToSurrogate(in SearchStatus value) => new()
    {
        SearchId = value.SearchId,
        Name = value.Name,
        State = (int)value.State,
        EvaluationsDone = value.EvaluationsDone,
        MaxEvaluations = value.MaxEvaluations,
        InFlight = value.InFlight,
        RejectedByScreening = value.RejectedByScreening,
        Deduplicated = value.Deduplicated,
        LateResults = value.LateResults,
        EvaluationsPerMinute = value.EvaluationsPerMinute,
        BestFitness = value.BestFitness,
        BestExpression = value.BestExpression,
        Islands = value.Islands,
        Trainers = value.Trainers,
        TrainerUtilisation = value.TrainerUtilisation,
        FinalJobsDone = value.FinalJobsDone,
        FinalJobsTotal = value.FinalJobsTotal,
        StartedAt = value.StartedAt,
        EndedAt = value.EndedAt,
        Failure = value.Failure,
        TrainingSteps = value.TrainingSteps,
        MaxTrainingSteps = value.MaxTrainingSteps,
        MaxMinutes = value.MaxMinutes,
        FinalStageStartedAt = value.FinalStageStartedAt,
        CancelledTrainings = value.CancelledTrainings,
    };

    [GenerateSerializer, Immutable, Alias("evograins.search-status")]
    public struct Surrogate
    {
        [Id(0)]
        public string SearchId { get; set; }

        [Id(1)]
        public string Name { get; set; }

        [Id(2)]
        public int State { get; set; }

        [Id(3)]
        public long EvaluationsDone { get; set; }

        [Id(4)]
        public int MaxEvaluations { get; set; }

        [Id(5)]
        public int InFlight { get; set; }

        [Id(6)]
        public long RejectedByScreening { get; set; }

        [Id(7)]
        public long Deduplicated { get; set; }

        [Id(8)]
        public long LateResults { get; set; }

        [Id(9)]
        public double EvaluationsPerMinute { get; set; }

        [Id(10)]
        public double BestFitness { get; set; }

        [Id(11)]
        public string? BestExpression { get; set; }

        [Id(12)]
        public IReadOnlyList<IslandStatus> Islands { get; set; }

        [Id(13)]
        public int Trainers { get; set; }

        [Id(14)]
        public double TrainerUtilisation { get; set; }

        [Id(15)]
        public int FinalJobsDone { get; set; }

        [Id(16)]
        public int FinalJobsTotal { get; set; }

        [Id(17)]
        public DateTimeOffset? StartedAt { get; set; }

        [Id(18)]
        public DateTimeOffset? EndedAt { get; set; }

        [Id(19)]
        public string? Failure { get; set; }

        [Id(20)]
        public long TrainingSteps { get; set; }

        [Id(21)]
        public long MaxTrainingSteps { get; set; }

        [Id(22)]
        public double MaxMinutes { get; set; }

        [Id(23)]
        public DateTimeOffset? FinalStageStartedAt { get; set; }

        [Id(24)]
        public int CancelledTrainings { get; set; }
    }
}
