using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;

namespace EvoGrains.Abstractions;

/// <summary>
/// One training run in the queue. <see cref="Steps"/> 0 means the spec's steps and a null <see cref="TrainSubset"/> the
/// spec's images: the final stage overrides them. <see cref="OnTestSet"/>: the fitness is the accuracy on the test
/// split. <see cref="Rung"/>: a search job trains with that rung's steps and seeds. <see cref="Transfer"/>: a
/// final-stage transfer job's setting, whose overrides its evaluation takes (<see cref="EvaluationSpec.ForFinalJob"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.evaluation-job")]
public sealed record EvaluationJob(
    [property: Id(0)] string JobId,
    [property: Id(1)] string SearchId,
    [property: Id(2)] JobKind Kind,
    [property: Id(3)] string Subject,
    [property: Id(4)] LossText Loss,
    [property: Id(5)] int Steps,
    [property: Id(6)] int Seed,
    [property: Id(7)] int LeaseSeconds,
    [property: Id(8)] int? TrainSubset = null,
    [property: Id(9)] bool OnTestSet = false,
    [property: Id(10)] int Rung = 0,
    [property: Id(11)] TransferSpec? Transfer = null)
{
    /// <summary>The two jobs train with the same settings, so one evaluator (and one pack) serves both.</summary>
    public bool TrainsLike(EvaluationJob other) =>
        Kind == other.Kind
            && Rung == other.Rung && Steps == other.Steps && Seed == other.Seed && TrainSubset == other.TrainSubset
            && OnTestSet == other.OnTestSet
        && Equals(Transfer, other.Transfer);
}
