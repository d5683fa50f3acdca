using EvoGrains.Core.Expressions;

namespace EvoGrains.Cli.Tests.Commands;

/// <summary>Expressions of any size give exit 2 and one line naming the limit, never a stack overflow (exit 134).</summary>
public sealed class ExpressionLimitsCliTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    // What a new user tried: each once killed the process. Each fits one command-line argument (128 KiB).
    public static TheoryData<string, string> UserInputs => new()
    {
        { "p" + Repeat("+p", 30_000), "at most 4,000 nodes" },
        { Repeat("exp(", 19_000) + "p" + Repeat(")", 19_000), "nests at most 2,000 parentheses and function calls" },
        { Repeat("(", 40_000) + "p" + Repeat(")", 40_000), "nests at most 2,000 parentheses and function calls" },
        { Repeat("-", 60_000) + "p", "at most 2,000 levels deep" },
        { "p" + Repeat(" + p", 30_000), "at most 100,000 characters" },
    };

    [Theory]
    [MemberData(nameof(UserInputs))]
    public async Task The_real_command_exits_2_with_one_line_naming_the_limit(string expression, string limit)
    {
        var run = await CliRun.OfProcess("loss", "check", expression);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("evograins: invalid expression: position ", line, StringComparison.Ordinal);
        Assert.Contains(limit, line, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    public static TheoryData<string[]> EveryCommandTakingAnExpression => new()
    {
        { ["loss", "check", Huge()] },
        { ["loss", "check", "--json", Huge()] },
        { ["loss", "eval", Huge(), "--p", "0.5,0.5", "--label", "0"] },
        { ["train", "--loss", "ce", "--loss", Huge(), "--dataset", "synthetic", "--steps", "1", "--seeds", "1"] },
    };

    [Theory]
    [MemberData(nameof(EveryCommandTakingAnExpression))]
    public async Task Every_command_taking_an_expression_rejects_one_far_past_the_caps(string[] args)
    {
        var run = await CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("at most 100,000 characters long; this one has 200,001", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expression_at_the_caps_is_checked_normally()
    {
        var widest = "-(y * log(p))" + Repeat(" + 0 * sin(p)", (ExpressionLimits.MaxNodes - 5) / 5);

        var run = await CliRun.Of("loss", "check", widest);

        Assert.True(run.ExitCode is 0 or 3, run.Error);
        Assert.Contains("canonical    ", run.Out, StringComparison.Ordinal);
    }

    // 100,000 terms, far past every cap.
    private static string Huge() => "p" + Repeat("+p", 100_000);
}
