using EvoGrains.Deployment.Tests.Rendering;

namespace EvoGrains.Deployment.Tests.Repository;

/// <summary>
/// What `dotnet format` cannot hold: source lines stay short enough to read in a side-by-side diff, within
/// .editorconfig's max_line_length of 120. A line's length is its count of UTF-16 characters (a symbol such as 'ø'
/// counts once however many bytes it takes).
/// </summary>
public sealed class SourceStyleTests
{
    private const int MaxLineLength = 120;

    [Fact]
    public void No_source_line_is_longer_than_the_ceiling()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file))
            .SelectMany(file => File.ReadLines(file)
                .Select((line, index) => (line, index))
                .Where(l => l.line.Length > MaxLineLength)
                .Select(l => $"{Path.GetRelativePath(RepoPaths.Root, file)}:{l.index + 1}: {l.line.Length} characters"))
            .ToList();

        Assert.True(offenders.Count == 0, $"lines longer than {MaxLineLength} characters:\n" + string.Join("\n", offenders));
    }

    private static bool IsBuildOutput(string file) =>
        file.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin");
}
