using CsCheck;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class LossFunctionTests
{
    [Fact]
    public void Canonical_text_carries_reduction_and_smoothing()
    {
        var loss = LossFunction.Parse("y * log(p)", ClassReduction.Mean) with { LabelSmoothing = 0.1 };

        Assert.Equal("log(p) * y [mean over classes] [label smoothing 0.1]", loss.CanonicalText);
        Assert.Equal("y * log(p) [mean over classes] [label smoothing 0.1]", loss.ToString());
        Assert.True(loss.UsesLabel);
        Assert.True((LossFunction.Parse("p") with { LabelSmoothing = 0.1 }).UsesLabel);
        Assert.False(LossFunction.Parse("p").UsesLabel);
    }

    [Theory]
    [InlineData("y * log(p)", ClassReduction.Sum, 0)]
    [InlineData("max(p, y) - 0.30000000000000004 * z", ClassReduction.Mean, 0)]
    [InlineData("y * log(p)", ClassReduction.Sum, 0.1)]
    [InlineData("-(log(p) - y / p)", ClassReduction.Mean, 0.05)]
    public void The_description_reads_back_to_the_same_loss_and_hash(string infix, ClassReduction reduction, double smoothing)
    {
        var loss = LossFunction.Parse(infix, reduction) with { LabelSmoothing = smoothing };

        var read = LossFunction.ParseDescription(loss.ToString());

        Assert.Equal(loss, read);
        Assert.Equal(loss.HashHex, read.HashHex);
    }

    [Fact]
    public void Random_trees_read_back_from_their_description()
    {
        RandomTrees.Trees(7).Sample(tree =>
        {
            var loss = new LossFunction(tree, ClassReduction.Mean, 0.2);
            Assert.Equal(loss.HashHex, LossFunction.ParseDescription(loss.ToString()).HashHex);
        });
    }

    [Fact]
    public void Equality_is_structural_on_element_reduction_and_smoothing()
    {
        Assert.Equal(LossFunction.Parse("y * p"), LossFunction.Parse("y*p"));
        Assert.Equal(LossFunction.Parse("y * p").GetHashCode(), LossFunction.Parse("y*p").GetHashCode());
        Assert.NotEqual(LossFunction.Parse("y * p"), LossFunction.Parse("p * y"));
        Assert.NotEqual(LossFunction.Parse("y * p"), LossFunction.Parse("y * p", ClassReduction.Mean));
    }

    [Fact]
    public void A_fresh_copy_gets_its_own_canonical_form()
    {
        var original = LossFunction.Parse("y * p");
        var changed = original with { Element = Expr.P };

        Assert.Equal(Expr.P, changed.Canonical);
    }

    [Fact]
    public void A_copy_made_after_hashing_gets_its_own_canonical_form()
    {
        var original = LossFunction.Parse("y * p");
        _ = original.Hash;
        var changed = original with { Element = Expr.P };

        Assert.Equal(Expr.P, changed.Canonical);
        Assert.Equal(new LossFunction(Expr.P).Hash, changed.Hash);

        // The same through the funnel's flip, when the caller has already hashed the candidate.
        var wrongWay = LossFunction.Parse("y * log(p)");
        _ = wrongWay.Hash;
        Assert.Equal(LossZoo.CrossEntropy.Hash, new ScreeningFunnel().Screen(wrongWay).Loss.Hash);
    }

    [Fact]
    public void A_flipped_screening_verdict_carries_the_identity_of_the_flipped_loss()
    {
        // The funnel flips with `with`: the verdict must carry the hash of -(y*log(p)) (= cross-entropy),
        // not of y*log(p), or search dedup by hash misses the duplicate.
        var loss = LossFunction.Parse("y * log(p)");
        var verdict = new ScreeningFunnel().Screen(loss);

        Assert.True(verdict.Flipped);
        Assert.Equal(Canonicalizer.Canonicalize(verdict.Loss.Element), verdict.Loss.Canonical);
        Assert.Equal(LossZoo.CrossEntropy.Hash, verdict.Loss.Hash);
    }
}
