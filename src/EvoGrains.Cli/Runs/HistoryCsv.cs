using System.Globalization;
using System.Text;
using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Runs;

/// <summary>
/// history.csv: one row per evaluation (RFC 4180 quoting); fitness is the mean validation accuracy over the seeds at
/// the rung.
/// </summary>
public static class HistoryCsv
{
    public const string Header =
        "index,hash,expression,island,fitness,status,seconds,operator,parents,failure,rung,steps,seeds,spread";

    public static string Format(IEnumerable<HistoryEntry> history)
    {
        var csv = new StringBuilder();
        csv.AppendLine(Header);
        foreach (var h in history)
        {
            csv.AppendLine(Row(h));
        }

        return csv.ToString();
    }

    /// <summary>One evaluation's line, without its line break.</summary>
    public static string Row(HistoryEntry h) => string.Join(',',
        h.Index.ToString(CultureInfo.InvariantCulture),
        h.Hash,
        Quote(h.Expression),
        h.Island.ToString(CultureInfo.InvariantCulture),
        h.Fitness.ToString("R", CultureInfo.InvariantCulture),
        h.Status.ToString().ToLowerInvariant(),
        h.Seconds.ToString("F3", CultureInfo.InvariantCulture),
        h.Operator,
        string.Join(' ', h.Parents),
        Quote(h.Failure ?? ""),
        h.Rung.ToString(CultureInfo.InvariantCulture),
        h.Steps.ToString(CultureInfo.InvariantCulture),
        h.Seeds.ToString(CultureInfo.InvariantCulture),
        double.IsFinite(h.Spread) ? h.Spread.ToString("R", CultureInfo.InvariantCulture) : "");

    /// <summary>
    /// Reads history.csv back by column name, so files with more (or, without rungs and spread, fewer) columns read
    /// alike.
    /// </summary>
    /// <exception cref="InputException">A missing column or a malformed row, naming the file and line.</exception>
    public static IReadOnlyList<HistoryRow> Parse(string csv, string source)
    {
        var records = Records(csv);
        if (records.Count == 0)
        {
            throw new InputException($"{source}: empty (expected the header {Header})");
        }

        var header = records[0].Fields;
        int Column(string name) => header.IndexOf(name) is var at and >= 0
            ? at
            : throw new InputException($"{source}: no '{name}' column in the header");
        var (index, hash, expression, island, fitness, status) = (
            Column("index"), Column("hash"), Column("expression"), Column("island"), Column("fitness"),
            Column("status"));
        var (rung, spread) = (header.IndexOf("rung"), header.IndexOf("spread"));
        return records.Skip(1).Select(record =>
        {
            string Field(int at) => at < record.Fields.Count
                ? record.Fields[at]
                : throw new InputException(
                    $"{source}: line {record.Line}: {header.Count} fields expected, got {record.Fields.Count}");
            T Number<T>(int at)
                where T : ISpanParsable<T> =>
                T.TryParse(Field(at), CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new InputException(
                        $"{source}: line {record.Line}: {header[at]} '{Field(at)}' is not a number");
            return new HistoryRow(
                record.Line, Number<long>(index), Field(hash), Field(expression), Number<int>(island),
                Number<double>(fitness), Field(status), rung < 0 ? 0 : Number<int>(rung),
                spread < 0 || Field(spread).Length == 0 ? double.NaN : Number<double>(spread));
        }).ToList();
    }

    /// <summary>
    /// RFC 4180 records (quoted fields may hold commas, quotes and line breaks), each with its first line number.
    /// </summary>
    private static List<(int Line, List<string> Fields)> Records(string csv)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted) = (1, 1, false);
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            line += c == '\n' ? 1 : 0;
            if (quoted && c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted || (c != ',' && c != '\n' && c != '\r'))
            {
                field.Append(c);
            }
            else if (c != '\r')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (c == '\n')
                {
                    records.Add((start, fields));
                    (fields, start) = ([], line);
                }
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((start, fields));
        }

        return records;
    }

    /// <summary>An RFC 4180 field: quoted when it holds a comma, a quote or a line break.</summary>
    internal static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0
            ? field
            : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
