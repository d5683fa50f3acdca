using CsCheck;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class ExprTests
{
    [Theory]
    [InlineData("y * log(p + 0.3) - sq(p)", "y * log(p + 0.3) - sq(p)", true)]
    [InlineData("y * log(p + 0.3) - sq(p)", "y * log(p + 0.4) - sq(p)", false)]
    [InlineData("y * log(p + 0.3) - sq(p)", "y * log(z + 0.3) - sq(p)", false)]
    [InlineData("y * log(p + 0.3) - sq(p)", "y * log(p + 0.3) + sq(p)", false)]
    [InlineData("exp(p)", "exp(p) * 1", false)]
    public void Trees_parsed_apart_are_equal_exactly_when_they_read_the_same(string left, string right, bool equal)
    {
        var (a, b) = (ExpressionParser.Parse(left), ExpressionParser.Parse(right));

        Assert.Equal(equal, a.Equals(b));
        Assert.Equal(equal, b.Equals(a));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Equality_of_trees_that_share_subtrees_matches_their_printed_form()
    {
        RandomTrees.Trees().Select(RandomTrees.Trees()).Sample(pair =>
        {
            var (a, b) = pair;
            var shared = Expr.Binary(Op.Add, a, b);
            var rebuilt = Expr.Binary(Op.Add, ExpressionParser.Parse(a.ToString()), b);

            Assert.Equal(shared.ToString() == rebuilt.ToString(), shared.Equals(rebuilt));
            Assert.Equal(a.ToString() == b.ToString(), Expr.Unary(Op.Exp, a).Equals(Expr.Unary(Op.Exp, b)));
        }, iter: 500);
    }

    [Fact]
    public void Uses_tells_which_variables_a_tree_reads()
    {
        RandomTrees.Trees().Sample(tree =>
        {
            foreach (var op in new[] { Op.Y, Op.P, Op.Z, Op.Exp, Op.Add })
            {
                Assert.Equal(tree.Nodes().Any(node => node.Op == op), tree.Uses(op));
            }
        }, iter: 500);
    }
}
