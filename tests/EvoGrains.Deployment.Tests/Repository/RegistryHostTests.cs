using System.Text.RegularExpressions;
using EvoGrains.Deployment.Tests.Rendering;
using EvoGrains.TestSupport;

namespace EvoGrains.Deployment.Tests.Repository;

/// <summary>
/// No tracked file names a package registry: the hosts (and their registrable domains) are read from
/// this machine's own package configuration (apt sources, the npm registry, the NuGet sources), so
/// the test itself names none.
/// </summary>
public sealed partial class RegistryHostTests
{
    [Fact]
    public void No_tracked_file_names_a_package_registry_host_this_machine_uses()
    {
        var domains = RegistryDomains();
        Assert.NotEmpty(domains);

        var offenders = TrackedFiles()
            .SelectMany(file => Mentions(file, domains).Select(domain => $"{file} names {domain}"))
            .ToList();

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    private static HashSet<string> RegistryDomains()
    {
        var text = string.Join('\n', AptSourceFiles().Select(File.ReadAllText));
        text += '\n' + Output("npm", "config", "get", "registry");
        text += '\n' + Output("dotnet", "nuget", "list", "source");
        return Url().Matches(text)
            .Select(m => m.Groups["host"].Value.ToLowerInvariant())
            .Where(host => host != "localhost" && !host.All(c => char.IsDigit(c) || c == '.'))
            .SelectMany(host => new[] { host, string.Join('.', host.Split('.')[^2..]) })
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> AptSourceFiles()
    {
        const string apt = "/etc/apt";
        var files = new List<string>();
        if (File.Exists(Path.Combine(apt, "sources.list")))
        {
            files.Add(Path.Combine(apt, "sources.list"));
        }

        var folder = Path.Combine(apt, "sources.list.d");
        if (Directory.Exists(folder))
        {
            files.AddRange(Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".list", StringComparison.Ordinal) || f.EndsWith(".sources", StringComparison.Ordinal)));
        }

        return files;
    }

    private static IEnumerable<string> Mentions(string relativePath, HashSet<string> domains)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath));
        return text.Contains('\0', StringComparison.Ordinal)
            ? []
            : domains.Where(domain => NamesHost(text, domain));
    }

    private static IEnumerable<string> TrackedFiles()
    {
        var result = ChildProcess.Run("git", ["ls-files", "-z"], RepoPaths.Root);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(file => File.Exists(Path.Combine(RepoPaths.Root, file)));
    }

    // A tool that is not installed configures no registry.
    private static string Output(string program, params string[] arguments)
    {
        try
        {
            return ChildProcess.Run(program, arguments, RepoPaths.Root, timeout: TimeSpan.FromSeconds(60)).StandardOutput;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }

    // The name as a whole host: "cloud.example.com/label" does not name "example.com", "www.example.com" does not either.
    private static bool NamesHost(string text, string host) =>
        Regex.IsMatch(text, $@"(?<![A-Za-z0-9.-]){Regex.Escape(host)}(?![A-Za-z0-9-])", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"(?:https?|ftp)://(?<host>[A-Za-z0-9.-]+)")]
    private static partial Regex Url();
}
