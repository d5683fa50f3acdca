using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

public sealed class OperatorCatalogTests
{
    public static TheoryData<Op> AllOps() => [.. Enum.GetValues<Op>()];

    [Theory]
    [MemberData(nameof(AllOps))]
    public void Info_of_every_operator_describes_that_operator(Op op)
    {
        var info = OperatorCatalog.Info(op);

        Assert.Equal(op, info.Op);
        Assert.Equal(info.Arity, OperatorCatalog.Arity(op));
        Assert.Equal(info.Arity == 0, OperatorCatalog.IsLeaf(op));
        Assert.False(string.IsNullOrWhiteSpace(info.Name));
    }

    [Fact]
    public void Nlfs_has_27_distinct_unary_and_7_distinct_binary_operators()
    {
        Assert.Equal(27, OperatorCatalog.NlfsUnary.Count);
        Assert.Equal(7, OperatorCatalog.NlfsBinary.Count);
        Assert.Equal(27, OperatorCatalog.NlfsUnary.Distinct().Count());
        Assert.Equal(7, OperatorCatalog.NlfsBinary.Distinct().Count());
        Assert.All(OperatorCatalog.NlfsUnary, op => Assert.Equal(1, OperatorCatalog.Arity(op)));
        Assert.All(OperatorCatalog.NlfsBinary, op => Assert.Equal(2, OperatorCatalog.Arity(op)));
    }

    [Fact]
    public void All_operators_cover_every_non_leaf_enum_value()
    {
        var all = OperatorCatalog.AllUnary.Concat(OperatorCatalog.AllBinary).ToHashSet();
        var nonLeaves = Enum.GetValues<Op>().Where(op => !OperatorCatalog.IsLeaf(op)).ToHashSet();

        Assert.Equal(nonLeaves, all);
    }

    [Fact]
    public void Operator_names_are_unique_and_read_back()
    {
        var names = Enum.GetValues<Op>().Where(op => op != Op.Const).Select(op => OperatorCatalog.Info(op).Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());

        foreach (var op in Enum.GetValues<Op>().Where(op => op != Op.Const))
        {
            Assert.True(OperatorCatalog.TryParseName(OperatorCatalog.Info(op).Name, out var parsed));
            Assert.Equal(op, parsed);
        }
    }

    [Theory]
    [InlineData("ln", Op.Log)]
    [InlineData("sqrt", Op.SqrtAbs)]
    [InlineData("relu", Op.Max0)]
    [InlineData("isru", Op.Isru)]
    [InlineData("max", Op.Max)]
    public void Function_aliases_resolve(string name, Op expected)
    {
        Assert.True(OperatorCatalog.TryGetFunction(name, out var op));
        Assert.Equal(expected, op);
    }

    [Fact]
    public void Symbolic_binary_operators_are_not_functions()
    {
        Assert.False(OperatorCatalog.TryGetFunction("+", out _));
        Assert.False(OperatorCatalog.TryGetFunction("y", out _));
    }
}
