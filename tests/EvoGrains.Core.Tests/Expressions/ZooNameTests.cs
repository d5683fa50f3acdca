using EvoGrains.Core.Expressions;

namespace EvoGrains.Core.Tests.Expressions;

/// <summary>The zoo registry: names with parameters, their ranges, defaults and canonical names.</summary>
public sealed class ZooNameTests
{
    public static TheoryData<string, double[]> PublishedDefaults() => new()
    {
        { "ce", [] },
        { "ls-ce", [0.1] },
        { "focal", [2] },
        { "baikal", [] },
        { "ngl", [] },
        { "taylorglo-mnist", [] },
        { "poly1", [1] },
        { "mae", [] },
        { "gce", [0.7] },
        { "sce", [0.01, 1] },
        { "nce+rce", [1, 10] },
        { "nce+nnce", [1, 1] },
    };

    [Fact]
    public void The_registry_lists_the_families_in_order_with_their_signatures()
    {
        Assert.Equal(["ce", "ls-ce", "focal", "baikal", "ngl", "taylorglo-mnist", "poly1", "mae", "gce", "sce", "nce+rce", "nce+nnce"], LossZoo.Names);
        Assert.Equal(
            "ce, ls-ce(eps), focal(gamma), baikal, ngl, taylorglo-mnist, poly1(eps), mae, gce(q), sce(alpha,beta), nce+rce(alpha,beta), nce+nnce(alpha,beta)",
            LossZoo.Signatures);
    }

    [Theory]
    [MemberData(nameof(PublishedDefaults))]
    public void A_bare_name_means_the_published_defaults(string name, double[] defaults)
    {
        var zoo = LossZoo.Find(name)!;

        Assert.Equal(defaults, zoo.Arguments);
        Assert.Equal(name, zoo.Name);
        Assert.Same(zoo, zoo.Family.Default);
        Assert.All(zoo.Family.Parameters, p => Assert.True(p.Admits(p.Default), $"{name}: default {p.Name} outside {p.Range}"));
    }

    [Theory]
    [MemberData(nameof(PublishedDefaults))]
    public void The_defaults_written_out_are_the_bare_name(string name, double[] defaults)
    {
        var written = defaults.Length == 0 ? name : $"{name}({string.Join(", ", defaults.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";

        Assert.Same(LossZoo.Find(name), LossZoo.Find(written));
        Assert.Same(LossZoo.Get(name), LossZoo.Get(name.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("ls-ce(0.7)", "ls-ce", "ls-ce(0.7)", new[] { 0.7 })]
    [InlineData("sce(0.1,1)", "sce", "sce(0.1,1)", new[] { 0.1, 1.0 })]
    [InlineData("  SCE ( 0.1 ,  1 )  ", "sce", "sce(0.1,1)", new[] { 0.1, 1.0 })]
    [InlineData("nce + rce(1, 1)", "nce+rce", "nce+rce(1,1)", new[] { 1.0, 1.0 })]
    [InlineData("nce+nnce(5,5)", "nce+nnce", "nce+nnce(5,5)", new[] { 5.0, 5.0 })]
    [InlineData("poly1(-1)", "poly1", "poly1(-1)", new[] { -1.0 })]
    [InlineData("gce(1e0)", "gce", "gce(1)", new[] { 1.0 })]
    [InlineData("focal( 0.50 )", "focal", "focal(0.5)", new[] { 0.5 })]
    [InlineData("ls-ce(0.10)", "ls-ce", "ls-ce", new[] { 0.1 })]
    public void Names_with_parameters_parse_whitespace_tolerant_to_a_canonical_name(string text, string family, string canonical, double[] arguments)
    {
        var zoo = LossZoo.Find(text)!;

        Assert.Equal(family, zoo.Family.Name);
        Assert.Equal(canonical, zoo.Name);
        Assert.Equal(arguments, zoo.Arguments);
        Assert.Equal(canonical, LossZoo.Find(canonical)!.Name);
        Assert.Equal(zoo.Loss, LossZoo.Resolve(canonical));
    }

    [Theory]
    [InlineData("ls-ce(1)", "ls-ce(1): ls-ce's eps must be in [0, 1) (got 1)")]
    [InlineData("ls-ce(-0.1)", "ls-ce(-0.1): ls-ce's eps must be in [0, 1) (got -0.1)")]
    [InlineData("gce(0)", "gce(0): gce's q must be in (0, 1] (got 0)")]
    [InlineData("gce(NaN)", "gce(NaN): gce's q must be in (0, 1] (got NaN)")]
    [InlineData("poly1(-2)", "poly1(-2): poly1's eps must be in [-1, 100] (got -2)")]
    [InlineData("focal(11)", "focal(11): focal's gamma must be in [0, 10] (got 11)")]
    [InlineData("sce(0.1, -1)", "sce(0.1, -1): sce's beta must be in [0, 100] (got -1)")]
    [InlineData("nce+rce(1,1e9)", "nce+rce(1,1e9): nce+rce's beta must be in [0, 100] (got 1000000000)")]
    [InlineData("sce(0.1)", "sce(0.1): sce takes 2 parameters (alpha in [0, 100], beta in [0, 100]), not 1")]
    [InlineData("gce()", "gce(): gce takes 1 parameter (q in (0, 1]), not 0")]
    [InlineData("mae(1)", "mae(1): mae takes no parameters")]
    [InlineData("gce(abc)", "gce(abc): gce's q must be a number in (0, 1] (got 'abc')")]
    [InlineData("gce(0.5", "gce(0.5: write gce(q) with numbers")]
    [InlineData("gce(p) * y", "gce(p) * y: write gce(q) with numbers")]
    public void Bad_parameters_give_one_line_naming_the_call_the_parameter_and_its_range(string text, string message)
    {
        var error = Assert.Throws<LossNameException>(() => LossZoo.Find(text));

        Assert.Equal(message, error.Message);
        Assert.Throws<LossNameException>(() => LossZoo.Resolve(text));
    }

    [Theory]
    [InlineData("y * p")]
    [InlineData("log(p)")]
    [InlineData("hinge(1)")]
    [InlineData("")]
    public void Text_that_names_no_family_is_not_a_zoo_loss(string text)
    {
        Assert.Null(LossZoo.Find(text));
        Assert.Throws<KeyNotFoundException>(() => LossZoo.Get(text));
    }

    [Theory]
    [InlineData("ce", "-(y * log(p))")]
    [InlineData("focal", "-(y * sq(1 - p) * log(p))")]
    [InlineData("baikal", "-(log(p) - y / p)")]
    public void The_zoo_before_parameters_keeps_its_losses(string name, string expression)
    {
        Assert.Equal(LossFunction.Parse(expression), LossZoo.Get(name));
        Assert.Equal(LossFunction.Parse("-(y * log(p))") with { LabelSmoothing = 0.1 }, LossZoo.Get("ls-ce"));
        Assert.Equal(LossFunction.Parse("exp(2.4092 - p * (1 + y)) - cos(cos(sin(p)))", ClassReduction.Mean), LossZoo.Get("ngl"));
        Assert.Equal(TaylorGloLoss.FromParameters(TaylorGloLoss.MnistParameters), LossZoo.Get("taylorglo-mnist"));
    }

    [Theory]
    [InlineData("nce+rce")]
    [InlineData("nce+nnce(5,5)")]
    [InlineData("sce(0.1,1)")]
    [InlineData("poly1(-1)")]
    [InlineData("ls-ce(0.3)")]
    [InlineData("gce(0.3)")]
    [InlineData("focal(2.5)")]
    public void Zoo_losses_round_trip_through_loss_text_and_their_description(string name)
    {
        var loss = LossZoo.Get(name);

        Assert.Equal(loss, LossText.From(loss).ToLoss());
        Assert.Equal(loss, LossFunction.ParseDescription(loss.ToString()));
        Assert.Equal(loss.HashHex, LossText.From(loss).ToLoss().HashHex);
    }

    [Fact]
    public void Normalised_terms_are_part_of_a_loss_s_identity()
    {
        var apl = LossZoo.Get("nce+rce");
        var rceOnly = apl with { Normalized = [] };

        Assert.Equal([new NormalizedTerm(NormalizedLoss.Nce, 1)], apl.Normalized);
        Assert.NotEqual(rceOnly, apl);
        Assert.NotEqual(rceOnly.Hash, apl.Hash);
        Assert.EndsWith(" [+ 1*nce]", apl.ToString());
        Assert.Equal("1*nce + 1*nnce", LossText.From(LossZoo.Get("nce+nnce")).Normalized);
        Assert.Null(LossText.From(LossZoo.Get("sce")).Normalized);
        Assert.Equal([new NormalizedTerm(NormalizedLoss.Nce, -5), new NormalizedTerm(NormalizedLoss.Nnce, -5)], LossZoo.Get("nce+nnce(5,5)").Negated().Normalized);
        Assert.True(apl.UsesLabel && apl.UsesPrediction);
        Assert.Throws<FormatException>(() => NormalizedTerm.ParseList("1*hinge"));
    }

    [Theory]
    [InlineData("docs/methods.md")]
    [InlineData("docs/spec-reference.md")]
    [InlineData("README.md")]
    public void The_docs_name_every_family_with_its_parameters(string file)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", file));

        Assert.All(LossZoo.Families, f => Assert.Contains($"`{f.Signature}`", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_parameter_range_reads_in_interval_notation()
    {
        var ranges = LossZoo.Families.SelectMany(f => f.Parameters.Select(p => $"{f.Name}.{p.Name} {p.Range}"));

        Assert.Equal(
            ["ls-ce.eps [0, 1)", "focal.gamma [0, 10]", "poly1.eps [-1, 100]", "gce.q (0, 1]", "sce.alpha [0, 100]", "sce.beta [0, 100]",
             "nce+rce.alpha [0, 100]", "nce+rce.beta [0, 100]", "nce+nnce.alpha [0, 100]", "nce+nnce.beta [0, 100]"],
            ranges);
    }
}
