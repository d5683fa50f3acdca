using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>
/// K classifiers evaluated as one: every member owns a disjoint slice of every parameter, so the
/// gradient of a sum of member losses gives each member exactly its own gradient.
/// </summary>
internal interface IPackedModel : IDisposable
{
    int Members { get; }

    /// <summary>Everything the optimizer updates; each tensor's leading dimension (or its only block, for K = 1) is the member.</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Conv and linear multiply-accumulates of one member's forward pass for one image.</summary>
    long ForwardMacsPerImage { get; }

    void SetTraining(bool training);

    /// <summary>
    /// Logits [K, B, classes] for float32 images [B, C, H, W] shared by every member, or [K, B, C, H, W]
    /// with one batch per member.
    /// </summary>
    Tensor Forward(Tensor images);
}
