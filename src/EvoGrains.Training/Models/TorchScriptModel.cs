using EvoGrains.Core.Diagnostics;
using EvoGrains.Training.Data;
using EvoGrains.Training.Packing;
using EvoGrains.Training.Trainer;
using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Models;

/// <summary>
/// The user's model: a TorchScript file (PyTorch's torch.jit.save) whose forward maps float32 images [B, C, H, W] to
/// logits [B, classes]. Every member loads its own copy of the file, redrawn from its seed
/// (<see cref="ParameterInitializer.InitializeByName"/>) unless the request keeps the file's weights (pretrained), and
/// the copies are stepped together as a <see cref="ModulePack"/>.
/// </summary>
internal sealed class TorchScriptModel : IModelBuilder
{
    public IPackedModel Pack(
        TrainingRequest request,
        ImageShape shape,
        int classes,
        IReadOnlyList<int> seeds,
        Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds.Count, 1);
        var modules = new List<nn.Module>(seeds.Count);
        try
        {
            foreach (var seed in seeds)
            {
                var module = Load(request);
                modules.Add(module);
                if (!request.Pretrained)
                {
                    ParameterInitializer.InitializeByName(module, seed);
                }

                module.to(device);
            }

            return new ModulePack(modules);
        }
        catch
        {
            modules.ForEach(m => m.Dispose());
            throw;
        }
    }

    /// <summary>
    /// Parameters with their gradients and optimizer state, and, for activations, which a TorchScript file does not
    /// reveal, only the input batch and the logits: <c>trainers.packSize</c> is what bounds a pack's activations.
    /// </summary>
    public long BytesPerMember(TrainingRequest request, ImageShape shape, int classes, int batchSize)
    {
        using var module = Load(request);
        var count = module.parameters().Sum(p => p.numel());
        return PackMemoryBudget.BytesPerMember(count, shape.PixelsPerImage + classes, batchSize);
    }

    public string? Problem(TrainingRequest request, ImageShape shape, int classes)
    {
        var path = request.ModelPath;
        jit.ScriptModule<Tensor, Tensor> module;
        try
        {
            module = Load(request);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return $"{path}: does not load as a TorchScript module ({ErrorLine.Of(error)})";
        }

        using (module)
        {
            if (!module.parameters().Any(p => p.requires_grad))
            {
                return $"{path}: has no trainable parameters (nothing for a loss to train)";
            }

            var input = $"[2, {shape.Channels}, {shape.Height}, {shape.Width}]";
            module.eval();
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            Tensor output;
            try
            {
                output = module.call(torch.zeros(2, shape.Channels, shape.Height, shape.Width));
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                return $"{path}: its forward fails on a {input} batch of the dataset's images ({ErrorLine.Of(error)})";
            }

            if (output.shape is not [2, var logits] || logits != classes || !output.is_floating_point())
            {
                return
                    $"{path}: maps a {input} batch to {output.dtype} [{string.Join(", ", output.shape)}]; the "
                    + $"dataset has {classes} classes, so float logits [2, {classes}] are expected";
            }
        }

        return null;
    }

    private static jit.ScriptModule<Tensor, Tensor> Load(TrainingRequest request) =>
        torch.jit.load<Tensor, Tensor>(request.ModelPath ?? throw new ArgumentException(
            "the torchscript model needs evaluation.modelPath", nameof(request)));
}
