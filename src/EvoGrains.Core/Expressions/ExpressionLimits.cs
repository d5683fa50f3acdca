namespace EvoGrains.Core.Expressions;

/// <summary>
/// The largest expression EvoGrains accepts, wherever it comes from (command line, spec, grain
/// call): the parser rejects anything larger, and no tree is built with more nodes. The parser and
/// every tree walk here use explicit stacks, not recursion, so no input can exhaust the call stack.
/// The caps leave room for every tree a search breeds (depth ≤ 10, so at most 1,023 nodes).
/// </summary>
public static class ExpressionLimits
{
    /// <summary>Characters of infix text, whitespace included.</summary>
    public const int MaxTextLength = 100_000;

    /// <summary>Nodes (operators, variables and constants) of one tree.</summary>
    public const int MaxNodes = 4_000;

    /// <summary>
    /// Levels of a parsed tree (a leaf is one level; a sum of n terms is n levels), and parentheses
    /// and calls open inside one another. Canonical forms may be deeper (flattening a balanced sum
    /// makes a chain), up to <see cref="MaxNodes"/>.
    /// </summary>
    public const int MaxDepth = 2_000;
}
