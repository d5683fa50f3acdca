using EvoGrains.Benchmarks.Fidelity;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;

namespace EvoGrains.Benchmarks.Tests.Fidelity;

public sealed class FidelityCandidatesTests
{
    [Fact]
    public void The_baselines_come_first_then_distinct_screened_candidates_the_same_every_time()
    {
        var spec = new SearchSpec { Seed = 4, FinalStage = new FinalStageSpec { Baselines = ["baikal", "ngl"] } };

        var first = FidelityCandidates.Sample(spec, 6);
        var again = FidelityCandidates.Sample(spec, 6);
        var otherSeed = FidelityCandidates.Sample(spec with { Seed = 5 }, 6);

        Assert.Equal(["ce", "baikal", "ngl"], first.Take(3).Select(l => l.Name));
        Assert.All(first.Take(3), l => Assert.True(l.IsBaseline));
        var candidates = first.Skip(3).ToList();
        Assert.Equal(6, candidates.Count);
        Assert.All(candidates, l =>
        {
            Assert.False(l.IsBaseline);
            Assert.Equal(l.Loss.HashHex, l.Name);
            Assert.True(new ScreeningFunnel().Screen(l.Loss).Accepted, $"{l.Loss} should pass screening");
        });
        Assert.Equal(6, candidates.Select(l => l.Loss.Hash).Distinct().Count());
        Assert.Equal(first.Select(l => l.Loss.ToString()), again.Select(l => l.Loss.ToString()));
        Assert.NotEqual(first.Skip(3).Select(l => l.Name), otherSeed.Skip(3).Select(l => l.Name));
    }

    [Fact]
    public void Candidates_come_from_the_spec_s_space()
    {
        var tree = new SearchSpec { Islands = new IslandSpec { Space = "tree", Operators = "glo", MaxDepth = 3 } };

        var losses = FidelityCandidates.Sample(tree, 4).Where(l => !l.IsBaseline).ToList();

        // GLO's operator set has no trigonometry or exponentials; cells (NLFS) use a wider set.
        Assert.Equal(4, losses.Count);
        Assert.All(losses, l => Assert.DoesNotMatch(@"\b(sin|cos|exp|min0|max0)\(", l.Loss.ToString()));
    }
}
