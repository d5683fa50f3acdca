using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Evolution;

/// <summary>
/// One island's method in asynchronous steady state: propose a screened, non-duplicate candidate
/// whenever an evaluation slot frees, and absorb each result as it arrives (never a whole generation).
/// </summary>
/// <param name="proposalPool">
/// Screened candidates drawn per proposal, of which a <see cref="PhenotypeSurrogate"/> picks the one predicted fittest;
/// 1 proposes every screened candidate as drawn (no surrogate).
/// </param>
public abstract class SearchStrategy(ScreeningFunnel funnel, int proposalPool = 1)
{
    private const int MaxAttempts = 2500;
    private const double PhenotypeDuplicateDistance = 0.01;

    // Bounds each memo of bred children (rejected ones, near-member ones).
    private const int MaxRemembered = 1 << 16;

    private readonly HashSet<ulong> seen = [];

    // Fingerprints of every candidate proposed, evaluated or restored: a one-hot twin is a duplicate, never trained.
    private readonly HashSet<ulong> seenFingerprints = [];

    // Their sketches: most screened children have a sketch no seen loss has, and so need no fingerprint to be new.
    private readonly HashSet<ulong> seenSketches = [];

    // Breeding keeps producing the same bad children; screening one again costs up to ~100 µs.
    private readonly Dictionary<ulong, ScreeningStage> rejected = [];

    // Children that behaved like a member, by hash, with that member: a converged population breeds them again and
    // again, and while the member lives the answer stays the same without computing the curve.
    private readonly Dictionary<ulong, Member> nearMembers = [];

    public ProposalStatistics Statistics { get; } = new();

    /// <summary>
    /// What predicts a candidate's fitness from the results absorbed so far; null without a proposal pool.
    /// </summary>
    public PhenotypeSurrogate? Surrogate { get; } = proposalPool > 1 ? new PhenotypeSurrogate() : null;

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
    /// Whether this method breeds children that share most subtrees with the losses it proposes, so the integrity
    /// check's columns of each proposal are worth remembering. A method whose every proposal is new throughout says no.
    /// </summary>
    protected virtual bool ChildrenShareSubtrees => true;

    /// <summary>
    /// The next candidate, or null when waiting or when 2500 draws in a row were rejected or duplicates. A duplicate
    /// has the hash or the one-hot fingerprint (<see cref="LossFunction.Fingerprint"/>) of a loss this island proposed,
    /// evaluated or holds, or a phenotype near a member's. With a <see cref="Surrogate"/> that is ready, it draws
    /// as many such candidates as its proposal pool holds and proposes the one predicted fittest; the others are
    /// forgotten.
    /// </summary>
    public Candidate? Propose(Random random)
    {
        if (Surrogate is not { IsReady: true })
        {
            return Accept(Draw(random));
        }

        Candidate? chosen = null;
        var chosenPrediction = double.NaN;
        for (var drawn = 0; drawn < proposalPool; drawn++)
        {
            if (Draw(random) is not { } candidate)
            {
                break;
            }

            // A candidate that behaves like one already evaluated (NaN) is taken only when nothing else was drawn.
            var prediction = Surrogate.Predict(candidate.Verdict.Phenotype);
            if (chosen is null || (double.IsFinite(prediction) && !(prediction <= chosenPrediction)))
            {
                (chosen, chosenPrediction) = (candidate, prediction);
            }
        }

        return Accept(chosen);
    }

    /// <summary>
    /// Absorbs one evaluated candidate (from this island or a migrant) measured at <paramref name="rung"/>.
    /// </summary>
    public void Report(Candidate candidate, double fitness, int rung = 0)
    {
        seen.Add(candidate.Loss.Hash);
        RememberFingerprint(candidate.Loss);
        var member = new Member(candidate, fitness, Reported++) { Rung = rung };
        Learn(member);
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
    public Candidate Rebuild(Genome genome, string op, IReadOnlyList<string> parents) =>
        new(genome, Rescreen(genome), op, parents);

    /// <summary>Restores a member from storage without counting it as a new result.</summary>
    public void Restore(Member member)
    {
        seen.Add(member.Candidate.Loss.Hash);
        RememberFingerprint(member.Candidate.Loss);
        Reported = Math.Max(Reported, member.Birth + 1);
        Learn(member);
        Absorb(member);
    }

    protected abstract (Genome Genome, string Operator, IReadOnlyList<string> Parents) Breed(Random random);

    protected abstract void Absorb(Member member);

    /// <summary>Puts <paramref name="updated"/> where <paramref name="old"/> is in the method's members.</summary>
    protected abstract void Replace(Member old, Member updated);

    protected static void ReplaceIn(List<Member> members, Member old, Member updated) =>
        members[members.FindIndex(m => ReferenceEquals(m, old))] = updated;

    /// <summary>Screens a bred genome; the NLFS funnel unless a method has its own check.</summary>
    protected virtual ScreeningVerdict Screen(Genome genome, LossFunction loss) => funnel.Screen(loss, IsKnown);

    /// <summary>
    /// What rejects a bred loss before it is hashed: the funnel's structure check, unless a method screens its own way.
    /// </summary>
    protected virtual ScreeningVerdict? Prescreen(LossFunction loss) => ScreeningFunnel.RejectStructure(loss);

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

    private Candidate? Draw(Random random)
    {
        for (var attempt = 0; attempt < MaxAttempts && !IsWaiting; attempt++)
        {
            var (genome, op, parents) = Breed(random);
            Statistics.CountGenerated();
            var loss = genome.ToLoss();

            // Most random and GP children fail the structure check. It reads the raw tree; the hash canonicalises.
            if (Prescreen(loss) is { } malformed)
            {
                Statistics.CountRejected(malformed.Stage);
                OnDiscarded();
                continue;
            }

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

            if (nearMembers.TryGetValue(loss.Hash, out var near) && IsMember(near))
            {
                Statistics.CountDuplicate();
                OnDiscarded();
                continue;
            }

            var verdict = Screen(genome, loss);
            if (verdict.Stage == ScreeningStage.Duplicate || seen.Contains(verdict.Loss.Hash))
            {
                if (seen.Contains(verdict.Loss.Hash))
                {
                    // The unflipped form too: a twin stays one whatever the population holds.
                    seen.Add(loss.Hash);
                }
                else if (nearMembers.TryGetValue(verdict.Loss.Hash, out var member))
                {
                    RememberNearMember(loss.Hash, member);
                }

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

            if (seenFingerprints.Contains(verdict.Fingerprint))
            {
                // The unflipped form too, so breeding it again is caught before screening.
                seen.Add(loss.Hash);
                seen.Add(verdict.Loss.Hash);
                Statistics.CountDuplicate();
                OnDiscarded();
                continue;
            }

            return new Candidate(genome, verdict, op, parents);
        }

        return null;
    }

    private Candidate? Accept(Candidate? candidate)
    {
        if (candidate is null)
        {
            return null;
        }

        seen.Add(candidate.Genome.ToLoss().Hash);
        seen.Add(candidate.Loss.Hash);
        RememberFingerprint(candidate.Loss);
        if (ChildrenShareSubtrees)
        {
            IntegrityCheck.Remember(candidate.Loss);
        }

        Statistics.CountProposed();
        OnProposed(candidate);
        return candidate;
    }

    // The surrogate predicts first-rung fitness, so it learns first-rung results only.
    private void Learn(Member member)
    {
        if (member.Rung == 0)
        {
            Surrogate?.Add(member.Candidate.Verdict.Phenotype, member.Fitness);
        }
    }

    private void RememberFingerprint(LossFunction loss)
    {
        seenFingerprints.Add(loss.Fingerprint);
        seenSketches.Add(loss.FingerprintSketch);
    }

    private void RememberNearMember(ulong hash, Member member)
    {
        if (nearMembers.Count >= MaxRemembered)
        {
            nearMembers.Clear();
        }

        nearMembers[hash] = member;
    }

    private void Remember(ulong hash, ScreeningStage stage)
    {
        if (rejected.Count < MaxRemembered)
        {
            rejected[hash] = stage;
        }
    }

    /// <summary>
    /// Asked by the funnel right after the integrity check, so neither a phenotype near a member's nor a one-hot twin
    /// of a loss seen before pays for the dearer checks. A twin's hash joins <see cref="seen"/>: breeding it again
    /// costs no screen.
    /// </summary>
    private bool IsKnown(LossFunction candidate, ReadOnlySpan<double> phenotype)
    {
        // Phenotype first: it is the cheaper test, and the common duplicate of a converged population.
        if (NearestMember(phenotype) is { } member)
        {
            RememberNearMember(candidate.Hash, member);
            return true;
        }

        if (!seenSketches.Contains(candidate.FingerprintSketch) || !seenFingerprints.Contains(candidate.Fingerprint))
        {
            return false;
        }

        seen.Add(candidate.Hash);
        return true;
    }

    /// <summary>A member whose phenotype is within the duplicate distance of <paramref name="phenotype"/>.</summary>
    private Member? NearestMember(ReadOnlySpan<double> phenotype)
    {
        foreach (var member in Members)
        {
            if (member.Candidate.Verdict.Phenotype is { } other
                && IntegrityCheck.AreWithin(phenotype, other, PhenotypeDuplicateDistance))
            {
                return member;
            }
        }

        return null;
    }

    private bool IsMember(Member member)
    {
        foreach (var other in Members)
        {
            if (ReferenceEquals(other, member))
            {
                return true;
            }
        }

        return false;
    }
}
