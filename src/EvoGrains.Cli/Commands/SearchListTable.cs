using System.Globalization;
using EvoGrains.Core.Search;
using Spectre.Console;

namespace EvoGrains.Cli.Commands;

/// <summary>`evograins list`: the searches as a table, in the order given.</summary>
public static class SearchListTable
{
    public static Table Render(IEnumerable<SearchSummary> searches)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "name", "state", "updated (UTC)");
        foreach (var search in searches)
        {
            table.AddRow(
                Markup.Escape(search.SearchId),
                Markup.Escape(search.Name),
                search.State.ToString(),
                search.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }

        return table;
    }
}
