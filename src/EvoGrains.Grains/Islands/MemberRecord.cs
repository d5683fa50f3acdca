using EvoGrains.Core.Search.Islands;

namespace EvoGrains.Grains.Islands;

/// <summary>A stored population member: genome text, lineage, fitness (at <see cref="Rung"/>) and birth order.</summary>
[GenerateSerializer, Immutable, Alias("evograins.member-record")]
public sealed record MemberRecord(
    [property: Id(0)] string Genome,
    [property: Id(1)] string Operator,
    [property: Id(2)] IReadOnlyList<string> Parents,
    [property: Id(3)] double Fitness,
    [property: Id(4)] long Birth,
    [property: Id(5)] int Rung = 0)
{
    public static MemberRecord From(StoredMember member) =>
        new(member.Candidate.Genome, member.Candidate.Operator, member.Candidate.Parents, member.Fitness, member.Birth, member.Rung);

    public StoredMember ToStored() => new(new StoredCandidate(Genome, Operator, Parents), Fitness, Birth) { Rung = Rung };
}
