using System.Globalization;
using System.Text;
using EvoGrains.Core.Json;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// The final stage's results for scripts: final.json (the whole comparison: split, budget, rounds, every arm with every
/// seed's accuracy, mean, std, 95% interval and p-values), final.csv (one row per arm and seed), and the hall of fame
/// with each finalist's final-table numbers.
/// </summary>
public static class FinalResultsFiles
{
    public const string CsvHeader =
        "arm,baseline,expression,seed,accuracy,mean,standardDeviation,confidenceHalfWidth,pValueVsCe,pairedPValueVsCe,"
        + "pValueVsBestBaseline,pairedPValueVsBestBaseline,split,steps";

    public static string Json(FinalComparison final) => CliJson.Serialize(final);

    public static string Csv(FinalComparison final)
    {
        ArgumentNullException.ThrowIfNull(final);
        var csv = new StringBuilder();
        csv.AppendLine(CsvHeader);
        foreach (var row in final.Rows)
        {
            for (var seed = 0; seed < row.Fitnesses.Count; seed++)
            {
                csv.AppendLine(string.Join(',',
                    HistoryCsv.Quote(row.Name),
                    row.IsBaseline ? "true" : "false",
                    HistoryCsv.Quote(row.Expression),
                    (seed + 1).ToString(CultureInfo.InvariantCulture),
                    Number(row.Fitnesses[seed]),
                    Number(row.Mean),
                    Number(row.StandardDeviation),
                    Number(row.ConfidenceHalfWidth),
                    Number(row.PValueVsCe),
                    Number(row.PairedPValueVsCe),
                    Number(row.PValueVsBestBaseline),
                    Number(row.PairedPValueVsBestBaseline),
                    final.Split,
                    final.Steps.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// hall-of-fame.json: each entry as the README documents it plus <c>final</c>, its row of the final table
    /// (<c>{"split", "mean", "standardDeviation", "confidenceHalfWidth", "seeds"}</c>), or null when it was not a
    /// finalist; the web API's /hall-of-fame gives the same (<see cref="HallOfFameJson"/>).
    /// </summary>
    public static string HallOfFame(IReadOnlyList<HallOfFameEntry> hallOfFame, FinalComparison? final) =>
        HallOfFameJson.Serialize(hallOfFame, final);

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";
}
