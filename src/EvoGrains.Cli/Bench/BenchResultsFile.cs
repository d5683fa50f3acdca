namespace EvoGrains.Cli.Bench;

/// <summary>Writes a benchmark's Markdown to its results file and shows it.</summary>
public static class BenchResultsFile
{
    public static string DefaultPath(string name) => Path.Combine("bench-results", name + ".md");

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
}
