using EvoGrains.Training.Data;
using EvoGrains.Training.Packing;
using EvoGrains.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Models;

/// <summary>
/// A model written in C#: one <see cref="ClassifierModule"/> per seed, initialised from the seed, then stacked into
/// a vectorised pack (<see cref="PackedState"/>) whose forward pass computes every member at once.
/// </summary>
internal sealed class BuiltInModel(Func<ImageShape, int, ClassifierModule> create, Func<PackedState, IPackedModel> pack)
    : IModelBuilder
{
    /// <summary>One model, its parameters drawn from <paramref name="seed"/>, on <paramref name="device"/>.</summary>
    public ClassifierModule Create(ImageShape shape, int classes, long seed, Device device)
    {
        ClassifierModule model;

        // TorchSharp 0.107's Conv2d constructor leaves one temporary tensor undisposed; building inside a scope
        // frees it (modules detach their own parameters and buffers from scopes).
        using (torch.NewDisposeScope())
        {
            model = create(shape, classes);
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

    public IPackedModel Pack(
        TrainingRequest request,
        ImageShape shape,
        int classes,
        IReadOnlyList<int> seeds,
        Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds.Count, 1);
        // Members that share a seed share their initial weights: build each distinct model once.
        var models = seeds.Distinct().ToDictionary(seed => seed, seed => Create(shape, classes, seed, device));
        try
        {
            return pack(PackedState.Stack(seeds.Select(seed => models[seed]).ToList()));
        }
        finally
        {
            foreach (var model in models.Values)
            {
                model.Dispose();
            }
        }
    }

    public long BytesPerMember(TrainingRequest request, ImageShape shape, int classes, int batchSize)
    {
        using var probe = Create(shape, classes, 0, CPU);
        return PackMemoryBudget.BytesPerMember(probe, batchSize);
    }

    public string? Problem(TrainingRequest request, ImageShape shape, int classes)
    {
        try
        {
            using var probe = Create(shape, classes, 0, CPU);
            return null;
        }
        catch (ArgumentException error)
        {
            return
                $"the {request.Model} model cannot take {shape.Channels}x{shape.Height}x{shape.Width} images and "
                + $"{classes} classes: {error.Message.Split('\n')[0]}";
        }
    }
}
