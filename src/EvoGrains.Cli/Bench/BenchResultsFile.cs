using System.CommandLine;

namespace EvoGrains.Cli.Bench;

/// <summary>Writes a benchmark's Markdown to its results file and shows it.</summary>
public static class BenchResultsFile
{
    public static string DefaultPath(string name) => Path.Combine("bench-results", name + ".md");

    /// <summary>
    /// A bench command's `--out`, defaulting to <see cref="DefaultPath"/> of <paramref name="name"/>.
    /// </summary>
    public static Option<string> OutOption(string name, string description = "Results file.") => new("--out")
    {
        Description = description,
        DefaultValueFactory = _ => DefaultPath(name),
    };

    public static void Publish(CliConsole console, string path, string markdown)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, markdown);
        console.Out.Write(markdown);
        console.Out.WriteLine($"(written to {path})");
    }

    /// <summary>
    /// Replaces (or appends) the section headed "## <paramref name="key"/>" under <paramref name="title"/> (a "# ..."
    /// line), keeping every other section in ordinal order, so one file holds the latest run of each model or spec.
    /// </summary>
    public static string MergeSection(string existing, string title, string key, string section)
    {
        var heading = title.TrimEnd() + "\n";
        var sections = existing.Split("\n## ", StringSplitOptions.RemoveEmptyEntries)
            .Skip(existing.StartsWith(heading, StringComparison.Ordinal) ? 1 : 0)
            .Select(s => "## " + s.TrimStart('#', ' ').TrimEnd() + "\n")
            .Where(s => !s.StartsWith($"## {key} ", StringComparison.Ordinal)
                && !s.StartsWith($"## {key}\n", StringComparison.Ordinal))
            .Append(section)
            .OrderBy(s => s, StringComparer.Ordinal);
        return heading + "\n" + string.Join("\n", sections);
    }
}
