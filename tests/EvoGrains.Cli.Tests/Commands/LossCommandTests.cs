using System.Text.Json;
using EvoGrains.Core.Expressions;

namespace EvoGrains.Cli.Tests.Commands;

public sealed class LossCommandTests
{
    [Theory]
    [InlineData("ce")]
    [InlineData("baikal")]
    [InlineData("ngl")]
    [InlineData("-(y * log(p))")]
    [InlineData("nce+rce")]
    [InlineData("nce+nnce(5, 5)")]
    [InlineData("sce(0.1,1)")]
    [InlineData("gce(0.5)")]
    public async Task Check_accepts_sound_losses_with_exit_0(string expression)
    {
        var run = await CliRun.Of("loss", "check", expression);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("verdict      accepted", run.Out);
        Assert.Matches("hash         [0-9a-f]{16}", run.Out);
    }

    [Fact]
    public async Task Check_reports_the_canonical_form_and_the_same_hash_for_commuted_sums()
    {
        var first = await CliRun.Of("loss", "check", "--json", "y * log(p) + p");
        var second = await CliRun.Of("loss", "check", "--json", "p + log(p) * y");

        var a = JsonDocument.Parse(first.Out).RootElement;
        var b = JsonDocument.Parse(second.Out).RootElement;
        Assert.Equal(a.GetProperty("hash").GetString(), b.GetProperty("hash").GetString());
        Assert.Equal(a.GetProperty("canonical").GetString(), b.GetProperty("canonical").GetString());
    }

    [Fact]
    public async Task Check_shows_the_one_hot_halves_and_the_nearest_known_loss()
    {
        var run = await CliRun.Of("loss", "check", "-((y + 1) * log(p))");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("true class   t(1, p) = -(log(p) * 2)", run.Out);
        Assert.Contains("other class  t(0, p) = -log(p)", run.Out);
        Assert.Contains("nearest      behaves like 11 x ls-ce(0.909): gradient cosine 1.0000", run.Out);
    }

    [Fact]
    public async Task Check_json_gives_the_halves_and_the_nearest_known_loss()
    {
        var run = await CliRun.Of("loss", "check", "--json", "-((y + 1) * log(p))");

        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(
            ["expression", "canonical", "hash", "accepted", "stage", "reason", "flipped", "screened", "fingerprint", "halves", "nearestKnownLoss"],
            json.EnumerateObject().Select(p => p.Name));
        var halves = json.GetProperty("halves");
        Assert.Equal((1, 0), (halves.GetProperty("trueLabel").GetDouble(), halves.GetProperty("otherLabel").GetDouble()));
        Assert.Equal(("-(log(p) * 2)", "-log(p)"), (halves.GetProperty("trueClass").GetString(), halves.GetProperty("otherClass").GetString()));
        var nearest = json.GetProperty("nearestKnownLoss");
        Assert.Equal(["family", "name", "parameters", "scale", "cosine", "description"], nearest.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("ls-ce", "ls-ce(0.909)"), (nearest.GetProperty("family").GetString(), nearest.GetProperty("name").GetString()));
        Assert.Equal(10.0 / 11, Assert.Single(nearest.GetProperty("parameters").EnumerateArray()).GetDouble(), 0.002);
        Assert.Equal(11, nearest.GetProperty("scale").GetDouble(), 0.05);
        Assert.True(nearest.GetProperty("cosine").GetDouble() > 0.99);
    }

    [Fact]
    public async Task One_hot_twins_check_to_one_fingerprint_and_the_same_halves_meaning()
    {
        var a = JsonDocument.Parse((await CliRun.Of("loss", "check", "--json", "-erf(isru(sinh(p), abs(y)) / y)")).Out).RootElement;
        var b = JsonDocument.Parse((await CliRun.Of("loss", "check", "--json", "-erf(isru(sinh(p), abs(1)) / y)")).Out).RootElement;

        Assert.NotEqual(a.GetProperty("hash").GetString(), b.GetProperty("hash").GetString());
        Assert.Equal(a.GetProperty("fingerprint").GetString(), b.GetProperty("fingerprint").GetString());
        Assert.Equal("-erf(isru(sinh(p), 1) / 1)", a.GetProperty("halves").GetProperty("trueClass").GetString());
        Assert.Equal(
            a.GetProperty("nearestKnownLoss").GetProperty("description").GetString(),
            b.GetProperty("nearestKnownLoss").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Check_of_a_loss_without_gradient_has_no_nearest_known_loss()
    {
        var run = await CliRun.Of("loss", "check", "--json", "p");

        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal(3, run.ExitCode);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("nearestKnownLoss").ValueKind);
        Assert.Equal("p", json.GetProperty("halves").GetProperty("otherClass").GetString());
    }

    [Fact]
    public async Task Check_rejects_with_exit_3_and_names_the_stage()
    {
        var run = await CliRun.Of("loss", "check", "y - p");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("rejected at integrity", run.Out);
    }

    [Theory]
    [InlineData("log(p", "position 6: expected ')'")]
    [InlineData("p + ", "position 5")]
    [InlineData("foo(p)", "unknown function or variable 'foo'")]
    public async Task Invalid_expressions_give_one_line_and_exit_2(string expression, string expected)
    {
        var run = await CliRun.Of("loss", "check", expression);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("ce", "0.1,0.2,0.7", 2)]
    [InlineData("baikal", "0.1,0.2,0.7", 0)]
    [InlineData("ngl", "0.25,0.25,0.5", 1)]
    [InlineData("focal", "0.6,0.3,0.1", 2)]
    [InlineData("taylorglo-mnist", "0.1,0.2,0.3,0.4", 3)]
    [InlineData("ls-ce", "0.1,0.2,0.7", 1)]
    [InlineData("sigmoid(z) * y - tanh(p)", "0.1,0.2,0.7", 2)]
    [InlineData("nce+rce(1,1)", "0.1,0.2,0.7", 0)]
    [InlineData("nce+nnce(5,5)", "0.25,0.25,0.5", 1)]
    [InlineData("gce", "0.6,0.3,0.1", 2)]
    [InlineData("poly1(2)", "0.1,0.2,0.3,0.4", 3)]
    public async Task Eval_gradient_agrees_with_finite_differences(string loss, string probabilities, int label)
    {
        var run = await CliRun.Of("loss", "eval", loss, "--p", probabilities, "--label", label.ToString(), "--json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var value = json.GetProperty("loss").GetDouble();
        var gradient = json.GetProperty("gradLogits").EnumerateArray().Select(g => g.GetDouble()).ToArray();
        var logits = probabilities.Split(',').Select(p => Math.Log(double.Parse(p, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var interpreter = new LossInterpreter(LossZoo.Resolve(loss));
        double LossAt(double[] z) => interpreter.Evaluate(z, label, new double[z.Length]);

        Assert.Equal(LossAt(logits), value, 12);
        for (var j = 0; j < logits.Length; j++)
        {
            // Richardson-extrapolated central differences: error O(h^4).
            double Central(double h)
            {
                var up = (double[])logits.Clone();
                var down = (double[])logits.Clone();
                up[j] += h;
                down[j] -= h;
                return (LossAt(up) - LossAt(down)) / (2 * h);
            }

            var numeric = (4 * Central(1e-4) - Central(2e-4)) / 3;
            Assert.True(Math.Abs(numeric - gradient[j]) <= 1e-6 * Math.Max(Math.Abs(numeric), 1e-3), $"dL/dz[{j}]: analytic {gradient[j]}, numeric {numeric}");
        }
    }

    [Theory]
    [InlineData("0.1,0.2", "2", "sum to 0.30")]
    [InlineData("0.1,x,0.7", "2", "--p value 2 ('x')")]
    [InlineData("0.1,0.2,0.7", "3", "--label 3 is out of range")]
    public async Task Eval_rejects_bad_samples_naming_the_option(string probabilities, string label, string expected)
    {
        var run = await CliRun.Of("loss", "eval", "ce", "--p", probabilities, "--label", label);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains(expected, run.Error);
    }

    [Theory]
    [InlineData("check", "gce(2)", "invalid zoo loss: gce(2): gce's q must be in (0, 1] (got 2)")]
    [InlineData("check", "sce(0.1)", "sce(0.1): sce takes 2 parameters (alpha in [0, 100], beta in [0, 100]), not 1")]
    [InlineData("eval", "ls-ce(1.5)", "ls-ce(1.5): ls-ce's eps must be in [0, 1) (got 1.5)")]
    [InlineData("eval", "mae(2)", "mae(2): mae takes no parameters")]
    public async Task Zoo_names_with_bad_parameters_give_one_line_and_exit_2(string command, string loss, string expected)
    {
        var run = await CliRun.Of(["loss", command, loss, .. command == "eval" ? new[] { "--p", "0.5,0.5", "--label", "0" } : []]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains(expected, run.Error);
    }

    [Fact]
    public async Task Zoo_lists_every_family_with_its_parameters_ranges_and_defaults()
    {
        var text = await CliRun.Of("loss", "zoo");
        var json = await CliRun.Of("loss", "zoo", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.All(LossZoo.Families, f => Assert.Contains(f.Signature, text.Out));
        Assert.Contains("q in (0, 1], default 0.7", text.Out);
        var families = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(LossZoo.Names, families.Select(f => f.GetProperty("name").GetString()));
        var sce = families.Single(f => f.GetProperty("name").GetString() == "sce").GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal([0.01, 1.0], sce.Select(p => p.GetProperty("default").GetDouble()));
        Assert.Equal("[0, 100]", sce[0].GetProperty("range").GetString());
    }

    [Fact]
    public async Task Unknown_options_are_input_errors()
    {
        var run = await CliRun.Of("loss", "eval", "ce", "--probability", "0.5,0.5");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }
}
