namespace EvoGrains.Core.Expressions;

/// <summary>
/// A zoo family named with parameters it does not take: one line naming the call, the parameter and its range.
/// <see cref="Parameter"/> is the position of the one value at fault, if one is.
/// </summary>
public sealed class LossNameException(string message, int? parameter = null) : FormatException(message)
{
    public int? Parameter { get; } = parameter;
}
