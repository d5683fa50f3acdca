using EvoGrains.Core.Evolution;
using EvoGrains.Core.Screening;
using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Tests.Evolution;

/// <summary>The strategy factory has one strategy per method of the registry, and each strategy reports its method's name.</summary>
public sealed class StrategyFactoryTests
{
    [Fact]
    public void Every_registry_method_has_a_strategy_and_every_strategy_a_registry_method()
    {
        Assert.Equal(MethodRegistry.Names.Order(StringComparer.Ordinal), StrategyFactory.Builders.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_island_runs_the_strategy_of_its_method()
    {
        var methods = MethodRegistry.Names;
        var search = new SearchSpec { Islands = new IslandSpec { Count = methods.Count, Methods = methods, Space = "tree" } };

        Assert.Empty(SearchSpecValidator.Validate(search));
        for (var island = 0; island < methods.Count; island++)
        {
            Assert.Equal(methods[island], StrategyFactory.Create(search, island, new ScreeningFunnel()).Method);
        }
    }

    [Theory]
    [InlineData("fashion-mnist", 10)]
    [InlineData("cifar100", 100)]
    [InlineData("cifar100-coarse", 20)]
    [InlineData("synthetic", 4)]
    [InlineData("folder", 10)]
    public void TaylorGlos_invariant_assumes_the_registrys_classes_and_ten_for_the_users_files(string dataset, int classes)
    {
        Assert.Equal(classes, StrategyFactory.ClassesOf(dataset));
    }

    [Fact]
    public void An_unknown_method_is_refused_with_the_known_ones()
    {
        var search = new SearchSpec { Islands = new IslandSpec { Methods = ["hill-climbing"] } };

        var error = Assert.Throws<ArgumentException>(() => StrategyFactory.Create(search, 0, new ScreeningFunnel()));

        Assert.StartsWith($"unknown method 'hill-climbing'; known: {string.Join(", ", MethodRegistry.Names)}", error.Message, StringComparison.Ordinal);
    }
}
