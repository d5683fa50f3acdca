namespace EvoGrains.Core.Expressions;

/// <summary>
/// How one operator is named, printed and treated by the canonicaliser. Code templates use
/// {0} and {1} for the operands and EPS for the protection constant.
/// </summary>
public sealed record OperatorInfo(
    Op Op,
    string Name,
    int Arity,
    bool Commutative,
    string Latex,
    string PyTorch,
    string TorchSharp);
