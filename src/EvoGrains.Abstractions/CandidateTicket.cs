using EvoGrains.Core.Expressions;

namespace EvoGrains.Abstractions;

/// <summary>
/// A screened candidate an island asks to have evaluated: identity, genome text, the (possibly flipped) loss to train
/// and its lineage.
/// </summary>
[GenerateSerializer, Immutable, Alias("evograins.candidate-ticket")]
public sealed record CandidateTicket(
    [property: Id(0)] string Hash,
    [property: Id(1)] string Genome,
    [property: Id(2)] LossText Loss,
    [property: Id(3)] string Expression,
    [property: Id(4)] string Operator,
    [property: Id(5)] IReadOnlyList<string> Parents);
