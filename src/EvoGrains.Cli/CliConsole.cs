using Spectre.Console;

namespace EvoGrains.Cli;

/// <summary>
/// Where a command writes: the real console, or writers a test captures. Tables and the live view
/// go through <see cref="Ansi"/>, which writes to <see cref="Out"/>.
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, IAnsiConsole Ansi)
{
    // Redirected output is read by programs and people in wide terminals: no wrapping of long losses.
    private const int RedirectedWidth = 200;

    /// <summary>
    /// Plain text to <paramref name="output"/> (no colours, no cursor movement), as when output is redirected.
    /// </summary>
    public CliConsole(TextWriter output, TextWriter error)
        : this(output, error, Plain(output))
    {
    }

    public static CliConsole System { get; } = new(
        global::System.Console.Out,
        global::System.Console.Error,
        global::System.Console.IsOutputRedirected ? Plain(global::System.Console.Out) : AnsiConsole.Console);

    private static IAnsiConsole Plain(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = RedirectedWidth;
        return console;
    }
}
