using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// One island's method in asynchronous steady state: propose a screened, non-duplicate candidate
/// whenever an evaluation slot frees, and absorb each result as it arrives (never a whole generation).
/// </summary>
public abstract class SearchStrategy(GenomeSpace space, ScreeningFunnel funnel)
{
    private const int MaxAttempts = 2500;
    private const double PhenotypeDuplicateDistance = 0.01;

    private const int MaxRememberedRejections = 1 << 16;

    private readonly HashSet<ulong> seen = [];

    // Breeding keeps producing the same bad children; screening one again costs up to ~100 µs.
    private readonly Dictionary<ulong, ScreeningStage> rejected = [];

    public GenomeSpace Space { get; } = space;

    public ProposalStatistics Statistics { get; } = new();

    public abstract string Method { get; }

    public abstract IReadOnlyList<Member> Members { get; }

    /// <summary>Results absorbed so far.</summary>
    public long Reported { get; private set; }

    public Member? Best => Members.Count == 0 ? null : Members.MaxBy(m => m.Rank);

    /// <summary>The next candidate, or null when 2500 draws in a row were rejected or duplicates.</summary>
    public Candidate? Propose(Random random)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (genome, op, parents) = Breed(random);
            Statistics.CountGenerated();
            var loss = genome.ToLoss();
            if (seen.Contains(loss.Hash))
            {
                Statistics.CountDuplicate();
                continue;
            }

            if (rejected.TryGetValue(loss.Hash, out var stage))
            {
                Statistics.CountRejected(stage);
                continue;
            }

            var verdict = funnel.Screen(loss, IsKnownPhenotype);
            if (verdict.Stage == ScreeningStage.Duplicate || seen.Contains(verdict.Loss.Hash))
            {
                Statistics.CountDuplicate();
                continue;
            }

            if (!verdict.Accepted)
            {
                Remember(loss.Hash, verdict.Stage);
                Statistics.CountRejected(verdict.Stage);
                continue;
            }

            // The unflipped form too, so breeding it again is caught before screening.
            seen.Add(loss.Hash);
            seen.Add(verdict.Loss.Hash);
            Statistics.CountProposed();
            return new Candidate(genome, verdict, op, parents);
        }

        return null;
    }

    /// <summary>Absorbs one evaluated candidate (from this island or a migrant).</summary>
    public void Report(Candidate candidate, double fitness)
    {
        seen.Add(candidate.Loss.Hash);
        Absorb(new Member(candidate, fitness, Reported++));
    }

    /// <summary>The best <paramref name="count"/> members, to send to a neighbour island.</summary>
    public IReadOnlyList<Member> Emigrants(int count) => Members.OrderByDescending(m => m.Rank).Take(count).ToList();

    /// <summary>Restores a member from storage without counting it as a new result.</summary>
    public void Restore(Member member)
    {
        seen.Add(member.Candidate.Loss.Hash);
        Reported = Math.Max(Reported, member.Birth + 1);
        Absorb(member);
    }

    protected abstract (Genome Genome, string Operator, IReadOnlyList<string> Parents) Breed(Random random);

    protected abstract void Absorb(Member member);

    protected static Member Tournament(IReadOnlyList<Member> members, int size, Random random)
    {
        var best = members[random.Next(members.Count)];
        for (var i = 1; i < size; i++)
        {
            var contender = members[random.Next(members.Count)];
            if (contender.Rank > best.Rank)
            {
                best = contender;
            }
        }

        return best;
    }

    private void Remember(ulong hash, ScreeningStage stage)
    {
        if (rejected.Count < MaxRememberedRejections)
        {
            rejected[hash] = stage;
        }
    }

    private bool IsKnownPhenotype(double[] phenotype)
    {
        foreach (var member in Members)
        {
            if (member.Candidate.Verdict.Phenotype is { } other && IntegrityCheck.AreWithin(phenotype, other, PhenotypeDuplicateDistance))
            {
                return true;
            }
        }

        return false;
    }
}
