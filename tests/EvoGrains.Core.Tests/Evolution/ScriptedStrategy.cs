using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Tests.Evolution;

/// <summary>
/// Breeds the given expressions in order, then waits, and records where the funnel stopped each one it was asked about.
/// With <c>keepMembers</c> false it keeps no members, so no phenotype comparison with a member can catch a candidate.
/// </summary>
internal sealed class ScriptedStrategy(ScreeningFunnel funnel, bool keepMembers, params string[] expressions)
    : SearchStrategy(funnel)
{
    private readonly List<Member> members = [];
    private int next;

    public override string Method => "scripted";

    public override IReadOnlyList<Member> Members => members;

    public override bool IsWaiting => next >= expressions.Length;

    /// <summary>Where the funnel stopped each bred expression it was asked about.</summary>
    public List<ScreeningStage> Screened { get; } = [];

    public void Forget() => members.Clear();

    public void Rewind(int count) => next -= count;

    protected override (Genome, string, IReadOnlyList<string>) Breed(Random random) =>
        (new TreeGenome(ExpressionParser.Parse(expressions[next++])), "random", []);

    protected override ScreeningVerdict Screen(Genome genome, LossFunction loss)
    {
        var verdict = base.Screen(genome, loss);
        Screened.Add(verdict.Stage);
        return verdict;
    }

    protected override void Absorb(Member member)
    {
        if (keepMembers)
        {
            members.Add(member);
        }
    }

    protected override void Replace(Member old, Member updated) => ReplaceIn(members, old, updated);
}
