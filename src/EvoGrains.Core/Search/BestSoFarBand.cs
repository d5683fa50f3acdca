namespace EvoGrains.Core.Search;

/// <summary>
/// Repeated searches' best-so-far fitness at <see cref="TrainingSteps"/>: quartiles over the <see cref="Searches"/>
/// that had a result by then.
/// </summary>
public sealed record BestSoFarBand(
    long TrainingSteps,
    double LowerQuartile,
    double Median,
    double UpperQuartile,
    int Searches);
