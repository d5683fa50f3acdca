using System.Collections.Immutable;

namespace EvoGrains.Core.Expressions;

/// <summary>
/// The NLFS genome (Morgan and Hougen 2024): a NASNet-like cell over the inputs y, p, 1, -1
/// with four intermediate nodes and a root. Node indices: 0..3 inputs, 4..7 intermediate, 8 root.
/// An intermediate node may read any other non-root node; the root reads intermediate nodes only.
/// </summary>
public sealed record NlfsCell(ImmutableArray<NlfsNode> Nodes)
{
    public const int InputCount = 4;
    public const int IntermediateCount = 4;
    public const int RootIndex = InputCount + IntermediateCount;
    public const int LabelInput = 0;
    public const int PredictionInput = 1;

    private static readonly Expr[] Inputs = [Expr.Y, Expr.P, Expr.Const(1), Expr.Const(-1)];

    /// <summary>Operation node by its cell index (4..8).</summary>
    public NlfsNode Node(int index) => Nodes[index - InputCount];

    public NlfsNode Root => Node(RootIndex);

    /// <summary>Why this cell is not a valid genome, or null when it is.</summary>
    public string? Validate()
    {
        if (Nodes.Length != IntermediateCount + 1)
        {
            return $"a cell has {IntermediateCount + 1} operation nodes, not {Nodes.Length}";
        }

        for (var index = InputCount; index <= RootIndex; index++)
        {
            var node = Node(index);
            if (OperatorCatalog.IsLeaf(node.Op))
            {
                return $"node {index} has no operator";
            }

            foreach (var input in node.Inputs)
            {
                var allowed = index == RootIndex
                    ? input is >= InputCount and < RootIndex
                    : input is >= 0 and < RootIndex && input != index;
                if (!allowed)
                {
                    return $"node {index} cannot read node {input}";
                }
            }
        }

        if (HasCycle())
        {
            return "the cell is cyclic";
        }

        var active = ActiveNodes();
        return active.Contains(LabelInput) && active.Contains(PredictionInput)
            ? null
            : "the active subgraph must use both y and p";
    }

    public bool IsValid => Validate() is null;

    /// <summary>Cell indices reachable from the root (including the root and inputs).</summary>
    public HashSet<int> ActiveNodes()
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>([RootIndex]);
        while (stack.Count > 0)
        {
            var index = stack.Pop();
            if (!seen.Add(index) || index < InputCount)
            {
                continue;
            }

            foreach (var input in Node(index).Inputs)
            {
                stack.Push(input);
            }
        }

        return seen;
    }

    /// <summary>The loss term this cell computes, as an expression tree (shared nodes are repeated).</summary>
    public Expr ToExpression()
    {
        var error = Validate();
        if (error is not null)
        {
            throw new InvalidOperationException($"invalid NLFS cell: {error}");
        }

        var built = new Dictionary<int, Expr>();
        return Build(RootIndex);

        Expr Build(int index)
        {
            if (index < InputCount)
            {
                return Inputs[index];
            }

            if (built.TryGetValue(index, out var done))
            {
                return done;
            }

            var node = Node(index);
            var expr = node.IsBinary
                ? Expr.Binary(node.Op, Build(node.First), Build(node.Second))
                : Expr.Unary(node.Op, Build(node.First));
            built[index] = expr;
            return expr;
        }
    }

    public bool Equals(NlfsCell? other) => other is not null && Nodes.SequenceEqual(other.Nodes);

    public override int GetHashCode() => Nodes.Aggregate(0, (hash, node) => HashCode.Combine(hash, node));

    public override string ToString() =>
        string.Join("; ", Nodes.Select((n, i) =>
            $"{i + InputCount}={OperatorCatalog.Info(n.Op).Name}({string.Join(",", n.Inputs)})"));

    private bool HasCycle()
    {
        var state = new int[RootIndex + 1];
        for (var index = InputCount; index <= RootIndex; index++)
        {
            if (Visit(index))
            {
                return true;
            }
        }

        return false;

        bool Visit(int index)
        {
            if (index < InputCount || state[index] == 2)
            {
                return false;
            }

            if (state[index] == 1)
            {
                return true;
            }

            state[index] = 1;
            if (Node(index).Inputs.Any(Visit))
            {
                return true;
            }

            state[index] = 2;
            return false;
        }
    }
}
