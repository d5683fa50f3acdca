namespace EvoGrains.TestSupport.TensorBoard;

/// <summary>One scalar point of a TensorBoard event file; <see cref="WallTime"/> in seconds since 1970.</summary>
public sealed record TensorBoardScalar(string Tag, long Step, float Value, double WallTime);
