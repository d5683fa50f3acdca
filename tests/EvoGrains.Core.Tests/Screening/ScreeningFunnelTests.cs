using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Tests.Screening;

public sealed class ScreeningFunnelTests
{
    private static readonly ScreeningFunnel Funnel = new();

    private static ScreeningVerdict Screen(string nameOrExpression) => Funnel.Screen(LossZoo.Resolve(nameOrExpression));

    public static TheoryData<string> ZooNames() => [.. LossZoo.Names];

    [Theory]
    [MemberData(nameof(ZooNames))]
    public void Every_zoo_loss_is_accepted_unflipped(string name)
    {
        var verdict = Screen(name);

        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.Equal(ScreeningStage.Accepted, verdict.Stage);
        Assert.False(verdict.Flipped);
        Assert.Equal(LossZoo.Get(name), verdict.Loss);
        Assert.NotNull(verdict.Phenotype);
        Assert.Equal(IntegrityCheck.Points, verdict.Phenotype.Length);
        Assert.NotEqual(0UL, verdict.Fingerprint);
    }

    [Fact]
    public void A_known_candidate_stops_screening_after_the_integrity_check()
    {
        var loss = LossZoo.Get("focal");
        var accepted = Funnel.Screen(loss);
        double[]? asked = null;
        LossFunction? askedLoss = null;

        var duplicate = Funnel.Screen(loss, (candidate, phenotype) =>
        {
            (askedLoss, asked) = (candidate, phenotype.ToArray());
            return true;
        });

        Assert.False(duplicate.Accepted);
        Assert.Equal(ScreeningStage.Duplicate, duplicate.Stage);
        Assert.Equal(accepted.Phenotype, asked);
        Assert.Equal(accepted.Loss, askedLoss);
        Assert.Equal(0UL, duplicate.Fingerprint);
        Assert.Equal(ScreeningStage.Accepted, Funnel.Screen(loss, (_, _) => false).Stage);
    }

    [Fact]
    public void A_loss_that_fails_integrity_is_never_compared_by_phenotype()
    {
        var verdict = Funnel.Screen(LossZoo.Resolve("y - p"), (_, _) => throw new InvalidOperationException("asked about a rejected curve"));

        Assert.Equal(ScreeningStage.Integrity, verdict.Stage);
    }

    [Theory]
    [InlineData("p", ScreeningStage.Structure)]
    [InlineData("-log(p)", ScreeningStage.Structure)]
    [InlineData("y", ScreeningStage.Structure)]
    [InlineData("y * 3 + 1", ScreeningStage.Structure)]
    [InlineData("y - p", ScreeningStage.Integrity)]
    [InlineData("exp(exp(exp(exp(p)))) * y", ScreeningStage.Integrity)]
    [InlineData("-(y * log(p)) - (1 - y) * log(p)", ScreeningStage.Integrity)]
    [InlineData("sin(y * p * 6)", ScreeningStage.Validity)]
    [InlineData("(1 - y) * log(p)", ScreeningStage.Rejection)]
    public void Unsound_losses_are_rejected_at_the_right_stage(string expression, ScreeningStage stage)
    {
        var verdict = Screen(expression);

        Assert.False(verdict.Accepted);
        Assert.Equal(stage, verdict.Stage);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
        Assert.Null(verdict.Phenotype);
    }

    [Fact]
    public void A_loss_that_only_cancels_p_out_has_no_prediction()
    {
        var verdict = Screen("y * (p - p + 1)");
        Assert.False(verdict.Accepted);
    }

    [Fact]
    public void Oversized_expressions_are_rejected_structurally()
    {
        var big = Enumerable.Range(0, 40).Aggregate(-(Expr.Y * Expr.Unary(Op.Log, Expr.P)), (acc, _) => acc + Expr.P * Expr.Y);
        var verdict = Funnel.Screen(new LossFunction(big));

        Assert.Equal(ScreeningStage.Structure, verdict.Stage);
    }

    [Fact]
    public void A_loss_running_the_wrong_way_is_accepted_flipped()
    {
        var verdict = Screen("y * log(p)");

        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.True(verdict.Flipped);
        Assert.Equal(-ExpressionParser.Parse("y * log(p)"), verdict.Loss.Element);
        Assert.Equal(Screen("ce").Fingerprint, verdict.Fingerprint);
        Assert.True(IntegrityCheck.Distance(Screen("ce").Phenotype, verdict.Phenotype) < 1e-9);
    }

    [Fact]
    public void The_caller_is_asked_about_the_flipped_candidate_it_would_be_proposed()
    {
        var ceFingerprint = Screen("ce").Fingerprint;

        var verdict = Funnel.Screen(LossZoo.Resolve("y * log(p)"), (candidate, _) => candidate.Fingerprint == ceFingerprint);

        Assert.Equal(ScreeningStage.Duplicate, verdict.Stage);
        Assert.True(verdict.Flipped);
    }

    [Fact]
    public void Functionally_equivalent_losses_share_a_fingerprint()
    {
        string[] equivalent =
        [
            "-(y * log(p))", "-(log(p) * y)", "-(y * log(p)) + 0 * p", "-y * log(p) * 2 / 2", "y * -log(p)",
            "-(y * log(p)) + 10 * p", // sum over classes of p is 1: no gradient
        ];
        var fingerprints = equivalent.Select(e => Screen(e)).Select(v => (v.Accepted, v.Fingerprint)).ToList();

        Assert.All(fingerprints, f => Assert.True(f.Accepted));
        Assert.Single(fingerprints.Select(f => f.Fingerprint).Distinct());
    }

    [Fact]
    public void Different_zoo_losses_have_different_fingerprints()
    {
        var fingerprints = LossZoo.Names.Select(n => Screen(n).Fingerprint).ToList();

        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
        Assert.NotEqual(Screen("ce").Fingerprint, Screen("baikal").Fingerprint);
    }

    [Fact]
    public void Screening_is_deterministic_across_funnel_instances()
    {
        var a = new ScreeningFunnel().Screen(LossZoo.Get("baikal"));
        var b = new ScreeningFunnel().Screen(LossZoo.Get("baikal"));

        Assert.Equal(a.Fingerprint, b.Fingerprint);
        Assert.Equal(a.Phenotype, b.Phenotype);
    }

    [Fact]
    public void Concurrent_screening_agrees_with_sequential_screening()
    {
        var losses = Enumerable.Range(0, 64)
            .Select(seed => new LossFunction(EvoGrains.Core.Evolution.NlfsGenerator.RandomCell(new Random(seed)).ToExpression()))
            .ToArray();
        var sequential = losses.Select(l => new ScreeningFunnel().Screen(l)).ToArray();
        var shared = new ScreeningFunnel();
        var concurrent = new ScreeningVerdict[losses.Length];
        Parallel.For(0, losses.Length, i => concurrent[i] = shared.Screen(losses[i]));

        for (var i = 0; i < losses.Length; i++)
        {
            Assert.Equal(sequential[i].Stage, concurrent[i].Stage);
            Assert.Equal(sequential[i].Fingerprint, concurrent[i].Fingerprint);
            Assert.Equal(sequential[i].Reason, concurrent[i].Reason);
        }

        Assert.Contains(sequential, v => v.Accepted);
        Assert.Contains(sequential, v => !v.Accepted);
    }
}
