using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Storage form of <see cref="SearchRecord"/>, the search grain's state (the state as its stable number).</summary>
[RegisterConverter]
public sealed class SearchRecordConverter : IConverter<SearchRecord, SearchRecordConverter.Surrogate>
{
    public SearchRecord ConvertFromSurrogate(in Surrogate surrogate) => new()
    {
        Spec = surrogate.Spec,
        State = (SearchState)surrogate.State,
        StartedAt = surrogate.StartedAt,
        EndedAt = surrogate.EndedAt,
        HistoryTail = surrogate.HistoryTail,
        SealedPages = surrogate.SealedPages,
        LateResults = surrogate.LateResults,
        Islands = surrogate.Islands,
        HallOfFame = surrogate.HallOfFame,
        Final = surrogate.Final,
        Comparison = surrogate.Comparison,
        Failure = surrogate.Failure,
        TrainingSteps = surrogate.TrainingSteps,
        FinalStageStartedAt = surrogate.FinalStageStartedAt,
        CancelledTrainings = surrogate.CancelledTrainings,
        Reported = surrogate.Reported ?? [],
    };

    public Surrogate ConvertToSurrogate(in SearchRecord value) => new()
    {
        Spec = value.Spec,
        State = (int)value.State,
        StartedAt = value.StartedAt,
        EndedAt = value.EndedAt,
        HistoryTail = value.HistoryTail,
        SealedPages = value.SealedPages,
        LateResults = value.LateResults,
        Islands = new Dictionary<int, IslandStatus>(value.Islands),
        HallOfFame = value.HallOfFame,
        Final = value.Final,
        Comparison = value.Comparison,
        Failure = value.Failure,
        TrainingSteps = value.TrainingSteps,
        FinalStageStartedAt = value.FinalStageStartedAt,
        CancelledTrainings = value.CancelledTrainings,
        Reported = new Dictionary<int, long>(value.Reported),
    };

    [GenerateSerializer, Immutable, Alias("evograins.search-record")]
    public struct Surrogate
    {
        [Id(0)]
        public SearchSpec? Spec { get; set; }

        [Id(1)]
        public int State { get; set; }

        [Id(2)]
        public DateTimeOffset? StartedAt { get; set; }

        [Id(3)]
        public DateTimeOffset? EndedAt { get; set; }

        [Id(4)]
        public IReadOnlyList<HistoryEntry> HistoryTail { get; set; }

        [Id(5)]
        public int SealedPages { get; set; }

        [Id(6)]
        public long LateResults { get; set; }

        [Id(7)]
        public Dictionary<int, IslandStatus> Islands { get; set; }

        [Id(8)]
        public IReadOnlyList<HallOfFameEntry> HallOfFame { get; set; }

        [Id(9)]
        public FinalStageRecord? Final { get; set; }

        [Id(10)]
        public FinalComparison? Comparison { get; set; }

        [Id(11)]
        public string? Failure { get; set; }

        [Id(12)]
        public long TrainingSteps { get; set; }

        [Id(13)]
        public DateTimeOffset? FinalStageStartedAt { get; set; }

        [Id(14)]
        public int CancelledTrainings { get; set; }

        [Id(15)]
        public Dictionary<int, long>? Reported { get; set; }
    }
}
