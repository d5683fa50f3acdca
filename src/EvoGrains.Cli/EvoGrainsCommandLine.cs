using System.CommandLine;
using System.CommandLine.Parsing;
using EvoGrains.Cli.Cluster;
using EvoGrains.Cli.Commands;
using EvoGrains.Core.Diagnostics;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Training.Data;

namespace EvoGrains.Cli;

/// <summary>Builds the `evograins` command tree and runs it with one-line errors and documented exit codes.</summary>
public static class EvoGrainsCommandLine
{
    // Ctrl-C lets a local search pause and its silo write state before the process exits.
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(60);

    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("EvoGrains: evolve loss functions for image classifiers on an Orleans cluster.");
        root.Subcommands.Add(LossCommand.Build(console));
        root.Subcommands.Add(LocalCommand.Build(console));
        root.Subcommands.Add(TrainCommand.Build(console));
        root.Subcommands.Add(DataCommand.Build(console));
        root.Subcommands.Add(ReplayCommand.Build(console));
        root.Subcommands.Add(FinalCommand.Build(console));
        root.Subcommands.Add(BenchCommand.Build(console));
        foreach (var command in SearchCommands.Build(console))
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    public static async Task<int> RunAsync(
        string[] args,
        CliConsole console,
        CancellationToken cancellationToken = default)
    {
        var parse = Build(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            await console.Error.WriteLineAsync($"evograins: {OneLine(parse.Errors[0])} (see --help)");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = console.Out,
                    Error = console.Error,
                    EnableDefaultExceptionHandler = false,
                    ProcessTerminationTimeout = GracefulStop,
                },
                cancellationToken);
        }
        catch (Exception error) when (ToInputMessage(error) is { } message)
        {
            await console.Error.WriteLineAsync($"evograins: {message}");
            return ExitCodes.InvalidInput;
        }
        catch (ClusterUnavailableException unavailable)
        {
            await console.Error.WriteLineAsync($"evograins: {unavailable.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("evograins: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception error)
        {
            // One line for users; EVOGRAINS_DEBUG=1 shows the whole exception for bug reports.
            await console.Error.WriteLineAsync(Environment.GetEnvironmentVariable("EVOGRAINS_DEBUG") == "1"
                ? $"evograins: {error}"
                : $"evograins: {ErrorLine.Of(error)} (EVOGRAINS_DEBUG=1 shows details)");
            return ExitCodes.Failure;
        }
    }

    /// <summary>A parse error on one line, naming the option it is about (list messages span lines).</summary>
    private static string OneLine(ParseError error)
    {
        var message = string.Join(
            ' ',
            error.Message.Split(
                ['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var option = error.SymbolResult switch
        {
            OptionResult result => result.Option.Name,
            ArgumentResult { Parent: OptionResult result } => result.Option.Name,
            _ => null,
        };
        return option is null || message.StartsWith(option, StringComparison.Ordinal)
            ? message
            : $"{option}: {message}";
    }

    private static string? ToInputMessage(Exception error) => error switch
    {
        ExpressionParseException parse => $"invalid expression: {parse.Message}",
        LossNameException name => $"invalid zoo loss: {name.Message}",
        InputException input => input.Message,
        DatasetException dataset => dataset.Message,
        SearchSpecException spec => spec.Message,
        _ => null,
    };
}
