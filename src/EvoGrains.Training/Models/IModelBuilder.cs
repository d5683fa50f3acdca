using EvoGrains.Training.Data;
using EvoGrains.Training.Packing;
using EvoGrains.Training.Trainer;
using static TorchSharp.torch;

namespace EvoGrains.Training.Models;

/// <summary>
/// How one model of the registry is built for training (<see cref="ModelBuilders"/> holds one per model name).
/// </summary>
internal interface IModelBuilder
{
    /// <summary>
    /// A pack of one member per seed, each starting where the model trained alone with that seed starts, on
    /// <paramref name="device"/>. The request says which model (its name, file and whether to keep the file's weights).
    /// </summary>
    IPackedModel Pack(TrainingRequest request, ImageShape shape, int classes, IReadOnlyList<int> seeds, Device device);

    /// <summary>
    /// Memory one member needs to train with batches of <paramref name="batchSize"/> (<see cref="PackMemoryBudget"/>).
    /// </summary>
    long BytesPerMember(TrainingRequest request, ImageShape shape, int classes, int batchSize);

    /// <summary>
    /// Why the model cannot train on images of <paramref name="shape"/> with <paramref name="classes"/> classes, in
    /// one line; null when it can.
    /// </summary>
    string? Problem(TrainingRequest request, ImageShape shape, int classes);
}
