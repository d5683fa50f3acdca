using EvoGrains.Training.Models;
using EvoGrains.Training.Packing;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EvoGrains.Training.Tests.Packing;

/// <summary>One ordinary model seen as a pack of one: the reference a packed model must compute (up to rounding).</summary>
internal sealed class SingleModelPack(ClassifierModule model) : IPackedModel
{
    private readonly IReadOnlyList<Parameter> parameters = model.parameters().ToList();

    public int Members => 1;

    public IReadOnlyList<Parameter> Parameters => parameters;

    public long ForwardMacsPerImage => model.ForwardMacsPerImage;

    public void SetTraining(bool training)
    {
        if (training)
        {
            model.train();
        }
        else
        {
            model.eval();
        }
    }

    public Tensor Forward(Tensor images) => model.forward(images.dim() == 5 ? images[0] : images).unsqueeze(0);

    public void Dispose() => model.Dispose();
}
