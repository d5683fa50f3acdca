using TorchSharp;
using static TorchSharp.torch;

namespace EvoGrains.Training.Models;

/// <summary>An image classifier mapping float32 [B, C, H, W] to logits [B, classes].</summary>
/// <remarks>Subclasses name their layer fields without an underscore: RegisterComponents turns field names
/// into state-dict keys.</remarks>
public abstract class ClassifierModule : nn.Module<Tensor, Tensor>
{
    protected ClassifierModule(string name)
        : base(name)
    {
    }

    /// <summary>
    /// Multiply-accumulates of one forward pass for one image, counted analytically over the conv and linear
    /// layers (normalisation, activations and pooling are negligible and ignored).
    /// </summary>
    public abstract long ForwardMacsPerImage { get; }

    /// <summary>
    /// Values the forward pass keeps for the backward pass for one image (layer outputs, counted analytically):
    /// with the parameters, what sizes a pack's memory.
    /// </summary>
    public abstract long ActivationsPerImage { get; }
}
