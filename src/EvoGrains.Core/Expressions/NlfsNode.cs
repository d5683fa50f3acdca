namespace EvoGrains.Core.Expressions;

/// <summary>One operation node of an NLFS cell: an operator and the indices of the nodes it reads.</summary>
public sealed record NlfsNode(Op Op, int First, int Second = -1)
{
    public bool IsBinary => OperatorCatalog.Arity(Op) == 2;

    public IEnumerable<int> Inputs => IsBinary ? [First, Second] : [First];
}
