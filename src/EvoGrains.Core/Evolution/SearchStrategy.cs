using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// One island's method in asynchronous steady state: propose a screened, non-duplicate candidate
/// whenever an evaluation slot frees, and absorb each result as it arrives (never a whole generation).
/// </summary>
public abstract class SearchStrategy(ScreeningFunnel funnel)
{
    private const int MaxAttempts = 2500;
    private const double PhenotypeDuplicateDistance = 0.01;

    private const int MaxRememberedRejections = 1 << 16;

    private readonly HashSet<ulong> seen = [];

    // Fingerprints of every candidate proposed, evaluated or restored: a one-hot twin is a duplicate, never trained.
    private readonly HashSet<ulong> seenFingerprints = [];

    // Breeding keeps producing the same bad children; screening one again costs up to ~100 µs.
    private readonly Dictionary<ulong, ScreeningStage> rejected = [];

    public ProposalStatistics Statistics { get; } = new();

    protected ScreeningFunnel Funnel => funnel;

    public abstract string Method { get; }

    public abstract IReadOnlyList<Member> Members { get; }

    /// <summary>Results absorbed so far.</summary>
    public long Reported { get; private set; }

    public Member? Best => Members.Count == 0 ? null : Members.MaxBy(m => m.Rank);

    /// <summary>
    /// Nothing to propose until results come back (a CMA-ES generation is out); unlike exhaustion
    /// this ends as soon as they do.
    /// </summary>
    public virtual bool IsWaiting => false;

    /// <summary>
    /// The next candidate, or null when waiting or when 2500 draws in a row were rejected or duplicates. A duplicate has
    /// the hash or the one-hot fingerprint (<see cref="LossFunction.Fingerprint"/>) of a loss this island proposed,
    /// evaluated or holds, or a phenotype near a member's.
    /// </summary>
    public Candidate? Propose(Random random)
    {
        for (var attempt = 0; attempt < MaxAttempts && !IsWaiting; attempt++)
        {
            var (genome, op, parents) = Breed(random);
            Statistics.CountGenerated();
            var loss = genome.ToLoss();
            if (seen.Contains(loss.Hash))
            {
                Statistics.CountDuplicate();
                OnDiscarded();
                continue;
            }

            if (rejected.TryGetValue(loss.Hash, out var stage))
            {
                Statistics.CountRejected(stage);
                OnDiscarded();
                continue;
            }

            var verdict = Screen(genome, loss);
            if (verdict.Stage == ScreeningStage.Duplicate || seen.Contains(verdict.Loss.Hash))
            {
                Statistics.CountDuplicate();
                OnDiscarded();
                continue;
            }

            if (!verdict.Accepted)
            {
                Remember(loss.Hash, verdict.Stage);
                Statistics.CountRejected(verdict.Stage);
                OnDiscarded();
                continue;
            }

            // The unflipped form too, so breeding it again is caught before screening.
            seen.Add(loss.Hash);
            seen.Add(verdict.Loss.Hash);
            if (!seenFingerprints.Add(verdict.Fingerprint))
            {
                Statistics.CountDuplicate();
                OnDiscarded();
                continue;
            }

            Statistics.CountProposed();
            var candidate = new Candidate(genome, verdict, op, parents);
            OnProposed(candidate);
            return candidate;
        }

        return null;
    }

    /// <summary>Absorbs one evaluated candidate (from this island or a migrant) measured at <paramref name="rung"/>.</summary>
    public void Report(Candidate candidate, double fitness, int rung = 0)
    {
        seen.Add(candidate.Loss.Hash);
        seenFingerprints.Add(candidate.Loss.Fingerprint);
        var member = new Member(candidate, fitness, Reported++) { Rung = rung };
        Absorb(member);
        OnReported(member);
    }

    /// <summary>
    /// A member's result at a higher rung replaces its fitness (it keeps its birth, so aging is unchanged);
    /// a member that has aged out meanwhile, or a result from a rung it already passed, changes nothing.
    /// </summary>
    public void Promote(string hash, int rung, double fitness)
    {
        if (Members.FirstOrDefault(m => m.Hash == hash) is { } member && rung > member.Rung)
        {
            Replace(member, member with { Fitness = fitness, Rung = rung });
        }
    }

    /// <summary>The best <paramref name="count"/> members, to send to a neighbour island.</summary>
    public IReadOnlyList<Member> Emigrants(int count) => Members.OrderByDescending(m => m.Rank).Take(count).ToList();

    /// <summary>
    /// A stored candidate as this method screened it. Screening is deterministic, so this reproduces
    /// the verdict (flip, phenotype) deduplication needs.
    /// </summary>
    public Candidate Rebuild(Genome genome, string op, IReadOnlyList<string> parents) => new(genome, Rescreen(genome), op, parents);

    /// <summary>Restores a member from storage without counting it as a new result.</summary>
    public void Restore(Member member)
    {
        seen.Add(member.Candidate.Loss.Hash);
        seenFingerprints.Add(member.Candidate.Loss.Fingerprint);
        Reported = Math.Max(Reported, member.Birth + 1);
        Absorb(member);
    }

    protected abstract (Genome Genome, string Operator, IReadOnlyList<string> Parents) Breed(Random random);

    protected abstract void Absorb(Member member);

    /// <summary>Puts <paramref name="updated"/> where <paramref name="old"/> is in the method's members.</summary>
    protected abstract void Replace(Member old, Member updated);

    protected static void ReplaceIn(List<Member> members, Member old, Member updated) =>
        members[members.FindIndex(m => ReferenceEquals(m, old))] = updated;

    /// <summary>Screens a bred genome; the NLFS funnel unless a method has its own check.</summary>
    protected virtual ScreeningVerdict Screen(Genome genome, LossFunction loss) => funnel.Screen(loss, IsKnownPhenotype);

    /// <summary>The verdict an accepted genome got, for <see cref="Rebuild"/>.</summary>
    protected virtual ScreeningVerdict Rescreen(Genome genome) => funnel.Screen(genome.ToLoss());

    /// <summary>The last bred genome will not be evaluated (duplicate or rejected).</summary>
    protected virtual void OnDiscarded()
    {
    }

    /// <summary>The last bred genome became this candidate.</summary>
    protected virtual void OnProposed(Candidate candidate)
    {
    }

    /// <summary>A result was absorbed (not a restored member).</summary>
    protected virtual void OnReported(Member member)
    {
    }

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
