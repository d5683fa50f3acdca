namespace EvoGrains.Core.Search;

/// <summary>
/// A statistic and its percentile bootstrap confidence interval (<see cref="PairedBootstrap"/>).
/// </summary>
/// <param name="Estimate">The statistic on the data as measured; NaN when undefined.</param>
/// <param name="Lower">The (1 - confidence) / 2 quantile of the resampled statistics; NaN when none was
/// defined.</param>
/// <param name="Upper">The (1 + confidence) / 2 quantile.</param>
/// <param name="Confidence">e.g. 0.95.</param>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="Undefined">Resamples whose statistic was NaN (e.g. every drawn item tied), left out of the
/// quantiles.</param>
public sealed record BootstrapInterval(
    double Estimate,
    double Lower,
    double Upper,
    double Confidence,
    int Resamples,
    int Undefined);
