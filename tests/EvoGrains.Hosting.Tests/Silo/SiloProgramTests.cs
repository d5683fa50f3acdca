using System.Diagnostics;

namespace EvoGrains.Hosting.Tests.Silo;

/// <summary>The real silo executable, copied next to the tests by the project reference.</summary>
[Trait("Category", "Integration")]
public sealed class SiloProgramTests
{
    [Theory]
    [InlineData("EvoGrains__Storage__Provider", "tape", "EvoGrains:Storage:Provider")]
    [InlineData("EvoGrains__Clustering__Provider", "redis", "EvoGrains:Clustering:ConnectionString")]
    public async Task Invalid_configuration_exits_non_zero_with_one_line_naming_the_key(string variable, string value, string key)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EvoGrains.Silo.dll"));
        info.Environment[variable] = value;

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        var error = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(key, error, StringComparison.Ordinal);
        Assert.Empty(await stdout);
    }
}
