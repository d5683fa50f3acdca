using System.Diagnostics;
using EvoGrains.Deployment.Tests.Rendering;
using EvoGrains.TestSupport;

namespace EvoGrains.Deployment.Tests.Bootstrap;

/// <summary>
/// deploy/bootstrap.sh: nothing left to install on a bootstrapped machine (the README runs it before
/// the tests), a local search's set-up holds none of the tests' tools, and the Debian mirror for the trixie pin comes
/// from the machine's own apt sources.
/// </summary>
public sealed class BootstrapTests : IDisposable
{
    private static readonly string Script = Path.Combine(RepoPaths.Deploy, "bootstrap.sh");
    private readonly string folder = Directory.CreateTempSubdirectory("evograins-apt-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_bootstrapped_machine_has_nothing_to_install_and_the_check_is_fast()
    {
        var clock = Stopwatch.StartNew();
        var result = ChildProcess.Run("bash", [Script, "--tests", "--check"], RepoPaths.Root);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Equal("bootstrap: nothing to install\n", result.StandardOutput);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"--check took {clock.Elapsed}");
    }

    [Fact]
    public void The_check_lists_what_is_missing_and_installs_nothing()
    {
        var environment = new Dictionary<string, string> { ["EVOGRAINS_TOOLS_DIR"] = Path.Combine(folder, "tools") };

        var result = ChildProcess.Run("bash", [Script, "--check", "--tests"], RepoPaths.Root, environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("missing: npm tool: azurite\n", result.StandardOutput);
        Assert.False(Directory.Exists(Path.Combine(folder, "tools")));
    }

    [Fact]
    public void A_local_search_needs_none_of_the_test_tools()
    {
        var environment = new Dictionary<string, string> { ["EVOGRAINS_TOOLS_DIR"] = Path.Combine(folder, "tools") };

        var result = ChildProcess.Run("bash", [Script, "--check"], RepoPaths.Root, environment);
        var installed = ChildProcess.Run("bash", ["-c", "source \"$0\" && printf '%s\\n' \"${APT_PACKAGES[@]}\" \"${NPM_TOOLS[@]}\"", Script], RepoPaths.Root);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Equal("bootstrap: nothing to install\n", result.StandardOutput);
        Assert.Equal("dataset-fashion-mnist\n", installed.StandardOutput);
    }

    [Fact]
    public void An_unknown_option_is_one_line_and_exit_2()
    {
        var result = ChildProcess.Run("bash", [Script, "--test"], RepoPaths.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("bootstrap: unknown option '--test' (expected --tests and/or --check)\n", result.StandardError);
    }

    [Fact]
    public void The_readme_has_exactly_two_set_up_commands_and_ci_runs_its_test_command()
    {
        var readme = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        var commands = readme.Where(l => l.Contains("./deploy/bootstrap.sh", StringComparison.Ordinal) && l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

        Assert.Equal(2, commands.Count);
        Assert.StartsWith("./deploy/bootstrap.sh && dotnet run -c Release --project src/EvoGrains.Cli -- local ", commands[0], StringComparison.Ordinal);
        Assert.Equal("./deploy/bootstrap.sh --tests && dotnet format EvoGrains.sln --verify-no-changes && dotnet test EvoGrains.sln -c Release", commands[1]);
        Assert.Equal(commands[1], File.ReadAllLines(Path.Combine(RepoPaths.Root, ".ci", "run")).Last());
    }

    [Fact]
    public void The_mirror_is_the_release_suite_of_a_deb822_file()
    {
        var sources = Write("debian.sources", """
            Types: deb
            URIs: http://security.mirror.example/debian-security
            Suites: bookworm-security
            Components: main
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb-src
            URIs: http://source.mirror.example/debian
            Suites: bookworm
            Components: main

            Enabled: no
            Types: deb
            URIs: http://disabled.mirror.example/debian
            Suites: bookworm
            Components: main

            # A comment line between stanzas.
            Types: deb
            # http://snapshot.mirror.example/archive/debian/20250520T000000Z
            URIs: http://archive.mirror.example/debian
            Suites: bookworm bookworm-updates
            Components: main contrib
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
            """);

        Assert.Equal(("http://archive.mirror.example/debian\n", 0), Mirror(sources));
    }

    [Fact]
    public void The_mirror_is_the_release_suite_of_a_one_line_file()
    {
        var list = Write("sources.list", """
            # deb http://commented.mirror.example/debian bookworm main
            deb http://security.mirror.example/debian-security bookworm-security main
            deb-src http://source.mirror.example/debian bookworm main
            deb http://contrib.mirror.example/debian bookworm contrib
            deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] https://archive.mirror.example/debian bookworm main non-free-firmware
            deb http://later.mirror.example/debian bookworm main
            """);

        Assert.Equal(("https://archive.mirror.example/debian\n", 0), Mirror(list));
    }

    [Fact]
    public void Files_are_read_in_order_and_missing_files_are_skipped()
    {
        var first = Write("a.list", "deb http://first.mirror.example/debian bookworm main\n");
        var second = Write("b.sources", "Types: deb\nURIs: http://second.mirror.example/debian\nSuites: bookworm\nComponents: main\n");

        Assert.Equal(("http://second.mirror.example/debian\n", 0), Mirror(Path.Combine(folder, "absent.list"), second, first));
    }

    [Fact]
    public void No_debian_archive_source_fails()
    {
        var list = Write("other.list", "deb https://vendor.example/apt stable/ main\ndeb http://security.mirror.example/debian-security bookworm-security main\n");

        Assert.Equal(("", 1), Mirror(list, Path.Combine(folder, "absent.sources")));
    }

    private (string Output, int ExitCode) Mirror(params string[] files)
    {
        var result = ChildProcess.Run("bash", ["-c", "source \"$0\" && debian_mirror \"$@\"", Script, .. files], RepoPaths.Root);
        return (result.StandardOutput, result.ExitCode);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }
}
