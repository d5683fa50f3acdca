using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Bench.Search;

/// <summary>
/// One method over its repeats: the best-so-far band, the winners' test accuracy (mean of each winner's seeds, then
/// mean ± std and 95% interval over the repeats), and Mann-Whitney U and Welch p-values against the control on the
/// winners' test accuracy and on the final best-so-far validation fitness (NaN for the control itself).
/// </summary>
public sealed record SearchBenchMethod(
    string Method,
    IReadOnlyList<BestSoFarBand> Band,
    double WinnerTestMean,
    double WinnerTestStd,
    double WinnerTestHalfWidth,
    double FinalBestMedian,
    double MannWhitneyTestP,
    double WelchTestP,
    double MannWhitneyValidationP,
    double WelchValidationP);
