using EvoGrains.Training.Data;
using static TorchSharp.torch;

namespace EvoGrains.Training.Models;

/// <summary>Builds one built-in classifier by its registry name, seeded and on the requested device.</summary>
public static class ModelFactory
{
    /// <exception cref="ArgumentException">The name is no model of the registry, or a model that is not built in
    /// (torchscript).</exception>
    public static ClassifierModule Create(string name, ImageShape shape, int classes, long seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(device);
        return ModelBuilders.Of(name) is BuiltInModel model
            ? model.Create(shape, classes, seed, device)
            : throw new ArgumentException($"'{name}' is not a built-in model", nameof(name));
    }
}
