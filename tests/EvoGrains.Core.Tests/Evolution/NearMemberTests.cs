using EvoGrains.Core.Evolution;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Tests.Evolution;

/// <summary>A child that behaves like a living member is a duplicate; breeding it again costs no screening.</summary>
public sealed class NearMemberTests
{
    private const string Member = "-(y * log(p))";
    private const string Scaled = "-(y * log(p)) * 2"; // another hash and fingerprint, the member's phenotype
    private const string Other = "sq(y - p)";

    private static readonly ScreeningFunnel Funnel = new();

    [Fact]
    public void A_child_near_a_living_member_is_screened_once()
    {
        var strategy = Scripted(Scaled, Scaled, Other);
        strategy.Report(Candidate(Member), 0.5);

        var proposed = strategy.Propose(new Random(1));

        Assert.Equal(LossFunction.Parse(Other).Hash, proposed!.Loss.Hash);
        Assert.Equal([ScreeningStage.Duplicate, ScreeningStage.Accepted], strategy.Screened);
        Assert.Equal(2, strategy.Statistics.Duplicates);
    }

    [Fact]
    public void Once_the_member_is_gone_the_child_is_screened_again_and_can_be_proposed()
    {
        var strategy = Scripted(Scaled, Scaled);
        strategy.Report(Candidate(Member), 0.5);
        Assert.Null(strategy.Propose(new Random(1)));

        strategy.Forget();
        strategy.Rewind(1);
        var proposed = strategy.Propose(new Random(1));

        Assert.Equal(LossFunction.Parse(Scaled).Hash, proposed!.Loss.Hash);
        Assert.Equal([ScreeningStage.Duplicate, ScreeningStage.Accepted], strategy.Screened);
    }

    private static Candidate Candidate(string expression)
    {
        var loss = LossFunction.Parse(expression);
        return new Candidate(new TreeGenome(loss.Element), Funnel.Screen(loss), "random", []);
    }

    private static ScriptedStrategy Scripted(params string[] expressions) => new(Funnel, true, expressions);
}
