namespace EvoGrains.Core.Search;

/// <summary>
/// After some result of a search: the training steps spent so far and the best fitness so far (-∞ before any finite
/// one).
/// </summary>
public sealed record BestSoFarPoint(long TrainingSteps, double Fitness);
