using EvoGrains.Core.Analysis;
using EvoGrains.Core.Expressions;
using Xunit.Abstractions;

namespace EvoGrains.Core.Tests.Analysis;

public sealed class KnownLossFinderTests(ITestOutputHelper output)
{
    private static NearestKnownLoss Nearest(string nameOrExpression) =>
        KnownLossFinder.Find(LossZoo.Resolve(nameOrExpression)) ?? throw new InvalidOperationException($"{nameOrExpression}: no nearest loss");

    [Fact]
    public void Ce_towards_y_plus_1_over_11_is_label_smoothing_with_eps_10_over_11_times_11()
    {
        var nearest = Nearest("-((y + 1) * log(p))");
        output.WriteLine(nearest.ToString());

        Assert.Equal("ls-ce", nearest.Member.Family.Name);
        Assert.Equal(10.0 / 11, nearest.Member.Arguments[0], 0.002);
        Assert.Equal(11, nearest.Scale, 0.05);
        Assert.True(nearest.Cosine > 0.99, nearest.ToString());
        Assert.StartsWith("behaves like 11 x ls-ce(0.909): gradient cosine ", nearest.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-(y * p)")]
    [InlineData("y * (1 - p)")]
    [InlineData("abs(p - y) * 3")]
    [InlineData("1 - p * y")]
    public void A_bounded_mae_like_loss_is_mae_or_gce_with_q_near_1(string expression)
    {
        var nearest = Nearest(expression);
        output.WriteLine($"{expression}: {nearest}");

        Assert.True(nearest.Cosine > 0.99, nearest.ToString());
        Assert.True(
            nearest.Member.Family.Name == "mae" || (nearest.Member.Family.Name == "gce" && nearest.Member.Arguments[0] >= 0.9),
            nearest.ToString());
    }

    public static TheoryData<string> ZooMembers() =>
        [.. LossZoo.Names, "ls-ce(0.5)", "focal(0.5)", "focal(5)", "poly1(-0.5)", "poly1(20)", "gce(0.3)", "sce(0.1,1)", "nce+rce(1,1)", "nce+nnce(5,5)"];

    [Theory]
    [MemberData(nameof(ZooMembers))]
    public void A_zoo_member_is_found_as_itself_or_an_equal_member_of_an_earlier_family(string name)
    {
        var member = LossZoo.Lookup(name);

        var nearest = Nearest(name);
        output.WriteLine($"{name}: {nearest}");

        Assert.True(nearest.Cosine > 1 - 1e-6, nearest.ToString());
        var families = LossZoo.Families.ToList();
        Assert.True(families.IndexOf(nearest.Member.Family) <= families.IndexOf(member.Family), nearest.ToString());
        if (nearest.Member.Family == member.Family)
        {
            // A two-parameter member is written with its larger weight 1; the scale carries the rest.
            var weight = member.Arguments.Count == 2 ? member.Arguments.Max() : 1;
            Assert.Equal(1, nearest.Scale / weight, 0.01);
            for (var i = 0; i < member.Arguments.Count; i++)
            {
                Assert.Equal(member.Arguments[i] / weight, nearest.Member.Arguments[i], 0.01 * Math.Max(1, Math.Abs(member.Arguments[i])));
            }
        }
    }

    [Fact]
    public void A_scaled_loss_keeps_its_member_and_reports_the_scale()
    {
        var nearest = Nearest("-(y * log(p)) * 2.5");

        Assert.Equal("ce", nearest.Member.Family.Name);
        Assert.Equal(2.5, nearest.Scale, 1e-9);
        Assert.Equal("behaves like 2.5 x ce: gradient cosine 1.0000", nearest.ToString());
    }

    [Fact]
    public void A_loss_without_gradient_has_no_nearest_loss()
    {
        Assert.Null(KnownLossFinder.Find(LossFunction.Parse("p")));
        Assert.Null(KnownLossFinder.Find(LossFunction.Parse("y * 3")));
    }

    [Fact]
    public void A_loss_whose_gradient_points_away_from_every_known_loss_is_said_to_be_like_none()
    {
        var away = new NearestKnownLoss(LossZoo.Lookup("ngl"), 0, -0.25);

        Assert.Equal("behaves like no known loss: its gradient points away from every one (best: ngl, gradient cosine -0.2500)", away.ToString());
    }

    [Fact]
    public void Every_probe_sample_counts_so_a_steep_term_does_not_hide_the_other_half()
    {
        // 1.3/p for the true class and nothing for the others: Baikal's 1/p term dominates both gradients on confidently wrong
        // samples, but Baikal's -log p on every class makes it differ elsewhere.
        var nearest = Nearest("y * 1.3 / p");

        Assert.True(nearest.Cosine < 0.999, nearest.ToString());
    }

    [Fact]
    public void Two_parameter_families_are_weighted_sums_so_only_their_direction_matters()
    {
        foreach (var family in LossZoo.Families.Where(f => f.Parameters.Count == 2))
        {
            var a = KnownLossFinder.Gradient(family.Create([0.3, 0.7]).Loss);
            var b = KnownLossFinder.Gradient(family.Create([0.6, 1.4]).Loss);
            var alpha = KnownLossFinder.Gradient(family.Create([1, 0]).Loss);
            var beta = KnownLossFinder.Gradient(family.Create([0, 1]).Loss);
            for (var i = 0; i < a.Length; i++)
            {
                Assert.Equal(2 * a[i], b[i], 1e-9);
                Assert.Equal((0.3 * alpha[i]) + (0.7 * beta[i]), a[i], 1e-9);
            }
        }
    }

    [Fact]
    public void The_search_is_deterministic()
    {
        string[] losses = ["-((y + 1) * log(p))", "-erf(isru(sinh(p), abs(y)) / y)", "-(y * p)", "baikal", "ngl", "exp(2 - p * (1 + y)) - cos(p)"];
        var first = losses.Select(Nearest).ToList();
        foreach (var (loss, before) in losses.Zip(first))
        {
            var again = Nearest(loss);
            Assert.Equal((before.Member.Family, before.Scale, before.Cosine), (again.Member.Family, again.Scale, again.Cosine));
            Assert.Equal(before.Member.Arguments, again.Member.Arguments);
        }
    }
}
