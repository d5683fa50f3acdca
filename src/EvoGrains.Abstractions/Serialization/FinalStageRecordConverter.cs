using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Book;

namespace EvoGrains.Abstractions.Serialization;

/// <summary>Storage form of <see cref="FinalStageRecord"/>.</summary>
[RegisterConverter]
public sealed class FinalStageRecordConverter : IConverter<FinalStageRecord, FinalStageRecordConverter.Surrogate>
{
    public FinalStageRecord ConvertFromSurrogate(in Surrogate surrogate) =>
        new(surrogate.Round, surrogate.Arms, new Dictionary<string, EvaluationResult>(surrogate.Results, StringComparer.Ordinal), surrogate.Finished);

    public Surrogate ConvertToSurrogate(in FinalStageRecord value) => new()
    {
        Round = value.Round,
        Arms = value.Arms,
        Results = new Dictionary<string, EvaluationResult>(value.Results, StringComparer.Ordinal),
        Finished = value.Finished,
    };

    [GenerateSerializer, Immutable, Alias("evograins.final-stage-record")]
    public struct Surrogate
    {
        [Id(0)]
        public int Round { get; set; }

        [Id(1)]
        public IReadOnlyList<ComparisonArm> Arms { get; set; }

        [Id(2)]
        public Dictionary<string, EvaluationResult> Results { get; set; }

        [Id(3)]
        public IReadOnlyList<FinalRoundResult> Finished { get; set; }
    }
}
