using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Packing;

/// <summary>
/// K classifiers trained as one: every member owns a disjoint set of the parameters, so the gradient of a sum of
/// member losses gives each member exactly its own gradient.
/// </summary>
internal interface IPackedModel : IDisposable
{
    int Members { get; }

    /// <summary>Everything the optimizer updates, every member's.</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    void SetTraining(bool training);

    /// <summary>
    /// Logits [K, B, classes] for float32 images [B, C, H, W] shared by every member, or [K, B, C, H, W]
    /// with one batch per member.
    /// </summary>
    Tensor Forward(Tensor images);

    /// <summary>Each member's parameter L2 norm, float32 [K], on the device.</summary>
    Tensor MemberNorms();
}
