using System.Reflection;
using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

public sealed class EvaluationSpecTests
{
    private static readonly EvaluationSpec WithRungs = new()
    {
        Steps = 100,
        Rungs = [new RungSpec { Steps = 50 }, new RungSpec { Steps = 200, Seeds = 3 }],
    };

    [Fact]
    public void Specs_that_arrive_with_new_rung_lists_are_equal_and_hash_alike()
    {
        var copy = WithRungs with { Rungs = [.. WithRungs.Rungs.Select(r => r with { })] };

        Assert.NotSame(WithRungs.Rungs, copy.Rungs);
        Assert.Equal(WithRungs, copy);
        Assert.Equal(WithRungs.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(WithRungs, copy with { Rungs = [new RungSpec { Steps = 50 }, new RungSpec { Steps = 200, Seeds = 2 }] });
    }

    [Fact]
    public void Every_settable_field_takes_part_in_equality()
    {
        var baseline = new EvaluationSpec();
        foreach (var property in typeof(EvaluationSpec).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            var changed = baseline with { };
            object value = property.PropertyType switch
            {
                var t when t == typeof(string) => "changed",
                var t when t == typeof(int) => 12345,
                var t when t == typeof(double) => 0.123,
                var t when t == typeof(bool) => true,
                var t when t == typeof(IReadOnlyList<RungSpec>) => new List<RungSpec> { new() },
                var t => throw new InvalidOperationException($"add a value for {t} ({property.Name})"),
            };
            property.SetValue(changed, value);
            Assert.False(baseline.Equals(changed), $"{property.Name} does not take part in equality");
        }
    }

    [Fact]
    public void At_rung_gives_that_rungs_steps_and_seeds_and_no_rungs_is_one_rung_of_the_spec()
    {
        var top = WithRungs.AtRung(1);
        Assert.Equal((200, 3), (top.Steps, top.Seeds));
        Assert.Empty(top.Rungs);
        Assert.Equal(WithRungs.AtRung(1), (WithRungs with { Rungs = [.. WithRungs.Rungs] }).AtRung(1));

        var plain = new EvaluationSpec { Steps = 150, Seeds = 2 };
        var only = Assert.Single(plain.EffectiveRungs);
        Assert.Equal((150, 2, 300L), (only.Steps, only.Seeds, only.Cost));
        Assert.Equal(plain, plain.AtRung(0));
    }

    [Fact]
    public void Training_seeds_are_the_same_consecutive_seeds_for_every_candidate()
    {
        Assert.Equal([7, 8, 9], new EvaluationSpec { Seeds = 3 }.TrainingSeeds(7));
        Assert.Equal([7], new EvaluationSpec().TrainingSeeds(7));
    }
}
