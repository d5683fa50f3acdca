namespace EvoGrains.Core.Expressions;

/// <summary>A loss expression that does not parse; <see cref="Position"/> is 1-based.</summary>
public sealed class ExpressionParseException(int position, string message)
    : FormatException($"position {position}: {message}")
{
    public int Position { get; } = position;
}
