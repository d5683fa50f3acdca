namespace EvoGrains.Cli.Runs;

/// <summary>One row of history.csv as read back: what a replay needs to find and check an evaluation.</summary>
/// <param name="Line">The row's line in the file (1: the header), for error messages.</param>
/// <param name="Rung">The successive-halving rung; 0 in files without a rung column.</param>
/// <param name="Spread">The fitness's standard deviation over the seeds; NaN with one seed or without a spread
/// column.</param>
public sealed record HistoryRow(
    int Line,
    long Index,
    string Hash,
    string Expression,
    int Island,
    double Fitness,
    string Status,
    int Rung,
    double Spread);
