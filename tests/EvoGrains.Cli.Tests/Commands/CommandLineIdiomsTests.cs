using System.CommandLine;
using EvoGrains.Cli.Commands;
using EvoGrains.Core.Expressions;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Cli.Tests.Commands;

public sealed class CommandLineIdiomsTests
{
    private static IEnumerable<string> Completions(string line) =>
        EvoGrainsCommandLine.Build(new CliConsole(TextWriter.Null, TextWriter.Null)).Parse(line).GetCompletions().Select(c => c.Label);

    [Fact]
    public void Dataset_model_optimizer_method_and_reduce_complete_with_the_allowed_values()
    {
        Assert.Equal(DatasetRegistry.Names.Order(), Completions("train --loss ce --dataset ").Order());
        Assert.Equal(ModelRegistry.BuiltInNames.Order(), Completions("train --loss ce --model ").Order());
        Assert.Equal(OptimizerRegistry.Names.Order(), Completions("train --loss ce --optimizer ").Order());
        Assert.Equal(MethodRegistry.Names.Order(), Completions("bench search --spec s.json --methods ").Order());
        Assert.Equal(["mean", "sum"], Completions("loss check ce --reduce ").Order());
    }

    [Fact]
    public void The_help_of_each_registry_option_describes_every_entry()
    {
        var root = EvoGrainsCommandLine.Build(new CliConsole(TextWriter.Null, TextWriter.Null));
        var train = root.Subcommands.Single(c => c.Name == "train");
        var benchSearch = root.Subcommands.Single(c => c.Name == "bench").Subcommands.Single(c => c.Name == "search");
        static string Help(Command command, string option) => command.Options.Single(o => o.Name == option).Description!;

        Assert.All(DatasetRegistry.All, d => Assert.Contains($"{d.Name} ({d.Description})", Help(train, "--dataset"), StringComparison.Ordinal));
        Assert.All(ModelRegistry.All.Where(m => !m.ReadsModelPath), m => Assert.Contains($"{m.Name} ({m.Description})", Help(train, "--model"), StringComparison.Ordinal));
        Assert.All(OptimizerRegistry.All, o => Assert.Contains($"{o.Name} ({o.Description})", Help(train, "--optimizer"), StringComparison.Ordinal));
        Assert.All(AugmentRegistry.Names, a => Assert.Contains($"{a} (", Help(train, "--augment"), StringComparison.Ordinal));
        Assert.All(MethodRegistry.All, m => Assert.Contains($"{m.Name} ({m.Description})", Help(benchSearch, "--methods"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_choices_fail_at_parse_time_naming_the_option_and_the_allowed_values_on_one_line()
    {
        var run = await CliRun.Of("loss", "check", "ce", "--reduce", "max");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal("evograins: --reduce: Argument 'max' not recognized. Must be one of: 'sum' 'mean' (see --help)", line);
    }

    [Fact]
    public void A_value_that_does_not_convert_is_a_parse_error_for_every_numeric_option_of_every_command()
    {
        var root = EvoGrainsCommandLine.Build(new CliConsole(TextWriter.Null, TextWriter.Null));
        var numeric = Commands(root, [])
            .SelectMany(c => c.Command.Options.Where(o => o.ValueType != typeof(string) && o.ValueType != typeof(bool) && o.ValueType != typeof(string[]))
                .Select(o => (Line: string.Join(' ', c.Path.Concat(NeededBy(c.Path)).Append(o.Name).Append("not-a-number")), Option: o.Name)))
            .ToList();

        Assert.Contains(numeric, n => n.Line.StartsWith("train ", StringComparison.Ordinal) && n.Option == "--steps");
        Assert.Contains(numeric, n => n.Line.StartsWith("bench packing ", StringComparison.Ordinal) && n.Option == "--pack-sizes");
        Assert.Contains(numeric, n => n.Line.StartsWith("local ", StringComparison.Ordinal) && n.Option == "--progress-interval");
        Assert.All(numeric, n => Assert.Contains(root.Parse(n.Line).Errors, e => e.Message.Contains("not-a-number", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_number_too_large_for_its_option_fails_with_one_line()
    {
        var run = await CliRun.Of("train", "--loss", "ce", "--steps", "99999999999");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("evograins: --steps: Cannot parse argument '99999999999'", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    // A command's own check runs before its options' conversions and hides them: local's needs --spec or --resume.
    private static IEnumerable<string> NeededBy(IReadOnlyList<string> path) => path is ["local"] ? ["--spec", "spec.json"] : [];

    private static IEnumerable<(Command Command, IReadOnlyList<string> Path)> Commands(Command command, IReadOnlyList<string> path) =>
        command.Subcommands.SelectMany(sub => Commands(sub, [.. path, sub.Name]).Prepend((sub, [.. path, sub.Name])));

    [Fact]
    public async Task A_gateway_that_is_not_host_port_fails_before_connecting()
    {
        var run = await CliRun.Of("status", "some-search", "--gateway", "localhost");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("evograins: --gateway 'localhost' is not host:port (e.g. 127.0.0.1:30000) (see --help)", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Every_cluster_command_shares_one_declaration_of_the_cluster_options()
    {
        var root = EvoGrainsCommandLine.Build(new CliConsole(TextWriter.Null, TextWriter.Null));
        string[] clusterCommands = ["submit", "watch", "status", "list", "pause", "resume", "cancel", "export"];

        var gateways = clusterCommands.Select(name => root.Subcommands.Single(c => c.Name == name).Options.Single(o => o.Name == "--gateway")).Distinct().ToList();

        Assert.Single(gateways);
        Assert.Equal(clusterCommands.Length, gateways[0].Parents.Count());
        Assert.DoesNotContain(root.Subcommands.Single(c => c.Name == "train").Options, o => o.Name == "--gateway");
    }

    [Fact]
    public async Task Spec_and_resume_are_exclusive_at_parse_time()
    {
        var run = await CliRun.Of("local", "--spec", "a.json", "--resume", "runs/x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give either --spec <file> for a new search or --resume <run folder>", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void The_comparison_table_renders_through_the_injected_console()
    {
        var output = new StringWriter();
        var console = new CliConsole(output, TextWriter.Null);
        ComparisonRow[] rows =
        [
            new ComparisonRow { Name = "ce", IsBaseline = true, Expression = "-(y * log(p))", Loss = LossText.From(LossZoo.CrossEntropy), Fitnesses = [0.84, 0.85, 0.86, 0.84, 0.86], Mean = 0.85, StandardDeviation = 0.01, ConfidenceHalfWidth = 0.01, PValueVsCe = double.NaN, PairedPValueVsCe = double.NaN, PValueVsBestBaseline = double.NaN, PairedPValueVsBestBaseline = double.NaN, SecondsPerRun = 3.2, FailedRuns = 0 },
            new ComparisonRow { Name = "baikal", IsBaseline = true, Expression = "-(log(p) - y / p)", Loss = LossText.From(LossZoo.Get("baikal")), Fitnesses = [0.86, 0.85, 0.87, 0.86, 0.86], Mean = 0.86, StandardDeviation = 0.02, ConfidenceHalfWidth = 0.01, PValueVsCe = 0.04, PairedPValueVsCe = 0.05, PValueVsBestBaseline = 0.3, PairedPValueVsBestBaseline = 0.3, SecondsPerRun = 3.3, FailedRuns = 1 },
        ];

        console.Ansi.Write(ComparisonTable.Render(rows, "validation accuracy"));

        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, l => l.Contains("loss") && l.Contains("validation accuracy") && l.Contains("p vs CE"));
        Assert.Contains(lines, l => l.Contains("ce ") && l.Contains("0.8500 ± 0.0100 (n=5)") && l.Contains('—'));
        Assert.Contains(lines, l => l.Contains("baikal") && l.Contains("0.040") && l.Contains("3.3"));
        Assert.DoesNotContain('\u001b', output.ToString());
    }
}
