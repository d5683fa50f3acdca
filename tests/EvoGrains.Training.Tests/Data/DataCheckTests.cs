using EvoGrains.Core.Search;
using EvoGrains.TestSupport.Data;
using EvoGrains.Training.Data;

namespace EvoGrains.Training.Tests.Data;

/// <summary>The check a submit runs before a search starts: the data's both splits, the validation size, and the model on the data.</summary>
public sealed class DataCheckTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_folder_and_a_torchscript_model_that_fit_resolve_to_their_classes_and_shape()
    {
        ImageFiles.WriteFolder(dir.File("data"), ["a", "b"], train: 3, test: 1, size: 28, grey: true);
        var spec = Folder() with { Model = "torchscript", ModelPath = Path.Combine(Fixtures, "fashion_cnn.pt"), ValidationSize = 2 };

        var result = DataCheck.Inspect(spec);

        // The fixture has 10 logits and the folder 2 classes.
        Assert.Equal($"evaluation.modelPath: {spec.ModelPath}: maps a [2, 1, 28, 28] batch to Float32 [2, 10]; the dataset has 2 classes, so float logits [2, 2] are expected", result.Problem);
        Assert.Equal(["a", "b"], result.Data!.ClassNames);
        Assert.Equal(new ImageShape(1, 28, 28), result.Data.Shape);
        Assert.Null(DataCheck.Problem(spec with { Model = "small-cnn", ModelPath = "" }));
    }

    [Fact]
    public void A_model_without_parameters_is_named_before_anything_trains()
    {
        var spec = new EvaluationSpec { Dataset = "synthetic", ValidationSize = 100, Model = "torchscript", ModelPath = Path.Combine(Fixtures, "no_parameters.pt") };

        Assert.Equal($"evaluation.modelPath: {spec.ModelPath}: has no trainable parameters (nothing for a loss to train)", DataCheck.Problem(spec));
    }

    [Fact]
    public void Bad_data_is_named_under_data_path()
    {
        ImageFiles.WriteFolder(dir.File("data"), ["a", "b"], train: 1, test: 1, size: 4);
        File.Delete(Path.Combine(dir.File("data"), "test", "a", "0.png"));

        Assert.Equal(
            $"evaluation.dataPath: {Path.Combine(dir.File("data"), "test", "a")}: class 'a' has no test images (.png, .jpg, .jpeg)",
            DataCheck.Problem(Folder()));
    }

    [Fact]
    public void A_validation_split_as_large_as_the_training_images_is_refused()
    {
        ImageFiles.WriteFolder(dir.File("data"), ["a", "b"], train: 2, test: 1, size: 4);

        Assert.Equal(
            "evaluation.validationSize: 2000 validation images leave none of the 4 training images to train on",
            DataCheck.Problem(Folder() with { ValidationSize = 2000 }));
    }

    [Fact]
    public void The_synthetic_evaluator_reads_no_data()
    {
        Assert.Same(DataCheckResult.NotNeeded, DataCheck.Inspect(new EvaluationSpec { Evaluator = "synthetic", Dataset = "folder", DataPath = "/no/such" }));
    }

    private EvaluationSpec Folder() => new() { Dataset = "folder", DataPath = dir.File("data"), ValidationSize = 1 };
}
