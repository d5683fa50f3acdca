using EvoGrains.Core.Expressions;
using EvoGrains.Core.Screening;

namespace EvoGrains.Core.Tests.Screening;

public sealed class ProbeChecksTests
{
    private static readonly ProbeSet Probes = new(samples: 24, classes: 10, seed: 1234);

    private static LossInterpreter Interpreter(string expression) => new(LossZoo.Resolve(expression));

    [Fact]
    public void Probe_sets_are_seeded_and_every_other_sample_scores_the_true_class_lowest()
    {
        var again = new ProbeSet(samples: 24, classes: 10, seed: 1234);
        var other = new ProbeSet(samples: 24, classes: 10, seed: 4321);

        Assert.Equal(Probes.Labels, again.Labels);
        Assert.Equal(Probes.Logits, again.Logits);
        Assert.NotEqual(Probes.Logits, other.Logits);
        Assert.Equal(24, Probes.Count);
        for (var i = 0; i < Probes.Count; i++)
        {
            Assert.InRange(Probes.Labels[i], 0, 9);
            Assert.Equal(10, Probes.Logits[i].Length);
            if (i % 2 == 1)
            {
                var others = Probes.Logits[i].Where((_, c) => c != Probes.Labels[i]);
                Assert.True(Probes.Logits[i][Probes.Labels[i]] <= others.Min() - 2);
            }
        }
    }

    [Theory]
    [InlineData("ce")]
    [InlineData("baikal")]
    [InlineData("ngl")]
    [InlineData("taylorglo-mnist")]
    [InlineData("focal")]
    public void Published_losses_pass_validity_and_rejection(string name)
    {
        Assert.Null(ValidityCheck.Run(Interpreter(name), Probes));
        Assert.Null(RejectionProtocol.Run(Interpreter(name), Probes));
    }

    [Theory]
    [InlineData("y * log(p)", "lowers the true-class logit")]
    [InlineData("y * 0 + 1", "constant on the probes")]
    [InlineData("exp(1000 * p) * y", "not finite")]
    public void Validity_names_what_is_wrong(string expression, string reason)
    {
        Assert.Contains(reason, ValidityCheck.Run(Interpreter(expression), Probes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(1 - y) * log(p)")]
    [InlineData("y * log(p)")]
    [InlineData("y * 0 + 1")]
    public void Rejection_protocol_rejects_losses_that_do_not_train(string expression)
    {
        Assert.NotNull(RejectionProtocol.Run(Interpreter(expression), Probes));
    }

    [Fact]
    public void Rejection_protocol_does_not_modify_the_probes()
    {
        var before = Probes.Logits.Select(l => (double[])l.Clone()).ToArray();
        RejectionProtocol.Run(Interpreter("ce"), Probes);

        Assert.Equal(before, Probes.Logits);
    }
}
