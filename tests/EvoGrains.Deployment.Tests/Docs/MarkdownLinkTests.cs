using System.Text.RegularExpressions;
using EvoGrains.Deployment.Tests.Rendering;

namespace EvoGrains.Deployment.Tests.Docs;

/// <summary>
/// The documentation a user's clone has is whole: every relative link of every Markdown file in the
/// repository points to a file of the repository (and, with an anchor, to a heading of it), and no
/// document sends the reader outside the repository's own files.
/// </summary>
public sealed partial class MarkdownLinkTests
{
    private static readonly string[] Skipped = ["bin", "obj", ".git", "node_modules", "runs", "TestResults"];

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Enumerate(RepoPaths.Root))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Fact]
    public void The_readme_points_to_the_repositorys_own_docs()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

        foreach (var doc in new[] { "docs/architecture.md", "docs/methods.md", "docs/spec-reference.md" })
        {
            Assert.Contains($"]({doc})", readme, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Relative_links_resolve_inside_the_repository(string relativePath)
    {
        var path = Path.Combine(RepoPaths.Root, relativePath);
        var text = File.ReadAllText(path);
        var broken = new List<string>();
        foreach (Match link in Link().Matches(text))
        {
            var target = link.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var (file, anchor) = target.Split('#', 2) is [var f, var a] ? (f, a) : (target, null);
            var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            if (!resolved.StartsWith(RepoPaths.Root, StringComparison.Ordinal) || !(File.Exists(resolved) || Directory.Exists(resolved)))
            {
                broken.Add(target);
            }
            else if (anchor is not null && !Anchors(resolved).Contains(anchor))
            {
                broken.Add($"{target} (no such heading)");
            }
        }

        Assert.True(broken.Count == 0, $"{relativePath}: broken links: {string.Join(", ", broken)}");
        Assert.DoesNotContain("../shared/", text, StringComparison.Ordinal);
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    internal static HashSet<string> Anchors(string markdownFile) =>
        Heading().Matches(File.ReadAllText(markdownFile))
            .Select(m => AnchorPunctuation().Replace(m.Groups[1].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Enumerate(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.md"))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(folder).Where(d => !Skipped.Contains(Path.GetFileName(d))))
        {
            foreach (var file in Enumerate(child))
            {
                yield return file;
            }
        }
    }

    // [text](target) outside inline code; images too.
    [GeneratedRegex(@"(?<!`)\[[^\]\n]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?m)^#{1,6} (.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{Nd} _-]")]
    private static partial Regex AnchorPunctuation();
}
