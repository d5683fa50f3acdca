namespace EvoGrains.Core.Expressions;

/// <summary>A zoo family named with parameters it does not take: one line naming the call, the parameter and its range.</summary>
public sealed class LossNameException(string message) : FormatException(message);
