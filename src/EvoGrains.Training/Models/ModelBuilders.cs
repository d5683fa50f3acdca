using System.Collections.Frozen;
using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Packing;

namespace EvoGrains.Training.Models;

/// <summary>
/// The builder of every model of <see cref="ModelRegistry"/> (Core's list, which the validator, help and docs read):
/// a model is added there and here, and a test checks that the two name the same models.
/// </summary>
internal static class ModelBuilders
{
    public static FrozenDictionary<string, IModelBuilder> ByName { get; } =
        new Dictionary<string, IModelBuilder>(StringComparer.Ordinal)
        {
            [ModelRegistry.SmallCnn.Name] = new BuiltInModel(
                (shape, classes) => new SmallCnn(shape, classes), state => new PackedSmallCnn(state)),
            [ModelRegistry.ResNet9.Name] = new BuiltInModel(
                (shape, classes) => new ResNet9(shape, classes), state => new PackedResNet9(state)),
            [ModelRegistry.Mlp.Name] = new BuiltInModel(
                (shape, classes) => new Mlp(shape, classes), state => new PackedMlp(state)),
            [ModelRegistry.TorchScript.Name] = new TorchScriptModel(),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">The registry has no model of that name.</exception>
    public static IModelBuilder Of(string name) => ByName.GetValueOrDefault(ModelRegistry.Get(name).Name)
        ?? throw new InvalidOperationException($"the {name} model has no builder");
}
