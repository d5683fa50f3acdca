using EvoGrains.Training.Data;
using EvoGrains.Training.Models;
using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>Builds a pack of K members of a named model, each initialised exactly as <see cref="ModelFactory"/> would alone.</summary>
internal static class PackedModelFactory
{
    public static IPackedModel Create(string name, ImageShape shape, int classes, IReadOnlyList<int> seeds, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds.Count, 1);
        // Members that share a seed share their initial weights: build each distinct model once.
        var models = seeds.Distinct().ToDictionary(seed => seed, seed => ModelFactory.Create(name, shape, classes, seed, device));
        try
        {
            var macs = models.Values.First().ForwardMacsPerImage;
            var state = PackedState.Stack(seeds.Select(seed => models[seed]).ToList());
            return name.ToLowerInvariant() switch
            {
                ModelFactory.MlpName => new PackedMlp(state, macs),
                ModelFactory.SmallCnnName => new PackedSmallCnn(state, macs),
                ModelFactory.ResNet9Name => new PackedResNet9(state, macs),
                _ => throw new ArgumentException($"Unknown model '{name}'; known: {string.Join(", ", ModelFactory.Names)}.", nameof(name)),
            };
        }
        finally
        {
            foreach (var model in models.Values)
            {
                model.Dispose();
            }
        }
    }
}
