namespace EvoGrains.Cli;

/// <summary>Where a command writes: the real console, or writers a test captures.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole System { get; } = new(global::System.Console.Out, global::System.Console.Error);
}
