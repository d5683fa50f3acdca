using System.Collections.Immutable;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Evolution;

/// <summary>Random NLFS cells and the published mutation (70% op, 15% connection, 15% arity switch).</summary>
public static class NlfsGenerator
{
    private const double IntermediateUnaryShare = 0.7;
    private const double RootUnaryShare = 0.2;
    private const int MaxAttempts = 2500;

    /// <summary>A random valid cell (acyclic, uses y and p).</summary>
    public static NlfsCell RandomCell(Random random)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var nodes = ImmutableArray.CreateBuilder<NlfsNode>(NlfsCell.IntermediateCount + 1);
            for (var index = NlfsCell.InputCount; index <= NlfsCell.RootIndex; index++)
            {
                var unaryShare = index == NlfsCell.RootIndex ? RootUnaryShare : IntermediateUnaryShare;
                nodes.Add(RandomNode(random, index, random.NextDouble() < unaryShare));
            }

            var cell = new NlfsCell(nodes.MoveToImmutable());
            if (cell.IsValid)
            {
                return cell;
            }
        }

        throw new InvalidOperationException("could not draw a valid NLFS cell");
    }

    /// <summary>One mutation of the cell; retried until the result is valid and differs from the parent.</summary>
    public static NlfsCell Mutate(NlfsCell parent, Random random)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var index = random.Next(NlfsCell.InputCount, NlfsCell.RootIndex + 1);
            var node = parent.Node(index);
            var roll = random.NextDouble();
            NlfsNode mutated;
            if (roll < 0.70)
            {
                var same = node.IsBinary ? OperatorCatalog.NlfsBinary : OperatorCatalog.NlfsUnary;
                mutated = node with { Op = same[random.Next(same.Count)] };
            }
            else if (roll < 0.85)
            {
                mutated = node.IsBinary && random.Next(5) == 0
                    ? node with { First = node.Second, Second = node.First }
                    : RewireOne(node, index, random);
            }
            else
            {
                mutated = SwitchArity(node, index, random);
            }

            var child = new NlfsCell(parent.Nodes.SetItem(index - NlfsCell.InputCount, mutated));
            if (!child.Equals(parent) && child.IsValid)
            {
                return child;
            }
        }

        return parent;
    }

    private static NlfsNode RandomNode(Random random, int index, bool unary) =>
        unary
            ? new NlfsNode(
                OperatorCatalog.NlfsUnary[random.Next(OperatorCatalog.NlfsUnary.Count)], RandomInput(random, index))
            : new NlfsNode(
                OperatorCatalog.NlfsBinary[random.Next(OperatorCatalog.NlfsBinary.Count)],
                RandomInput(random, index), RandomInput(random, index));

    private static NlfsNode RewireOne(NlfsNode node, int index, Random random) =>
        node.IsBinary && random.Next(2) == 1
            ? node with { Second = RandomInput(random, index) }
            : node with { First = RandomInput(random, index) };

    private static NlfsNode SwitchArity(NlfsNode node, int index, Random random) =>
        node.IsBinary
            ? new NlfsNode(OperatorCatalog.NlfsUnary[random.Next(OperatorCatalog.NlfsUnary.Count)], node.First)
            : new NlfsNode(
                OperatorCatalog.NlfsBinary[random.Next(OperatorCatalog.NlfsBinary.Count)],
                node.First, RandomInput(random, index));

    private static int RandomInput(Random random, int index)
    {
        if (index == NlfsCell.RootIndex)
        {
            return random.Next(NlfsCell.InputCount, NlfsCell.RootIndex);
        }

        // Any of the other seven non-root nodes.
        var input = random.Next(NlfsCell.RootIndex - 1);
        return input >= index ? input + 1 : input;
    }
}
