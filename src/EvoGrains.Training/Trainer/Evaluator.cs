using EvoGrains.Training.Data;
using EvoGrains.Training.Models;
using TorchSharp;

namespace EvoGrains.Training.Trainer;

internal static class Evaluator
{
    /// <summary>Top-1 accuracy over the whole set, in eval mode (batch-norm running statistics).</summary>
    public static double Accuracy(ClassifierModule model, ImageDataset data, int batchSize)
    {
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            long correct = 0;
            for (var start = 0; start < data.Count; start += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                var (images, labels) = data.Slice(start, Math.Min(batchSize, data.Count - start));
                correct += model.forward(images).argmax(1).eq(labels).sum().item<long>();
            }

            return (double)correct / data.Count;
        }
        finally
        {
            model.train();
        }
    }
}
