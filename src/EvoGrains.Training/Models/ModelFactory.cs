using TorchSharp;
using EvoGrains.Training.Data;
using static TorchSharp.torch;

namespace EvoGrains.Training.Models;

/// <summary>Builds a classifier by name, seeded and on the requested device.</summary>
public static class ModelFactory
{
    public const string SmallCnnName = "small-cnn";
    public const string ResNet9Name = "resnet9";
    public const string MlpName = "mlp";

    public static IReadOnlyList<string> Names { get; } = [SmallCnnName, ResNet9Name, MlpName];

    public static ClassifierModule Create(string name, ImageShape shape, int classes, long seed, Device device)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(device);
        ClassifierModule model;

        // TorchSharp 0.107's Conv2d constructor leaves one temporary tensor undisposed; building inside a scope
        // frees it (modules detach their own parameters and buffers from scopes).
        using (torch.NewDisposeScope())
        {
            model = name.ToLowerInvariant() switch
            {
                SmallCnnName => new SmallCnn(shape, classes),
                ResNet9Name => new ResNet9(shape, classes),
                MlpName => new Mlp(shape, classes),
                _ => throw new ArgumentException($"Unknown model '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
            };
        }

        try
        {
            ParameterInitializer.Initialize(model, seed);
            model.to(device);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
