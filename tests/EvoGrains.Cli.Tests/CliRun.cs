namespace EvoGrains.Cli.Tests;

/// <summary>Runs the evograins command line in process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await EvoGrainsCommandLine.RunAsync(args, new CliConsole(output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
