using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Tests.Search;

/// <summary>evaluation.model and its fields are checked against the model registry: a TorchScript model needs its file; the built-in ones take none.</summary>
public sealed class ModelValidationTests
{
    [Theory]
    [InlineData("small-cnn", "", false)]
    [InlineData("resnet9", "", false)]
    [InlineData("torchscript", "/data/net.pt", false)]
    [InlineData("torchscript", "/data/net.pt", true)]
    public void Models_with_the_fields_they_read_are_valid(string model, string path, bool pretrained)
    {
        Assert.Empty(Errors(new EvaluationSpec { Model = model, ModelPath = path, Pretrained = pretrained }));
    }

    [Theory]
    [InlineData("torchscript", " ", false, "evaluation.modelPath: the torchscript model needs it: the model file")]
    [InlineData("mlp", "/data/net.pt", false, "evaluation.modelPath: the mlp model does not read it (only torchscript)")]
    [InlineData("small-cnn", "", true, "evaluation.pretrained: the small-cnn model does not read it (only torchscript)")]
    [InlineData("vgg", "", false, "evaluation.model: 'vgg' is not one of small-cnn, resnet9, mlp, torchscript")]
    public void Model_fields_that_cannot_serve_are_refused(string model, string path, bool pretrained, string error)
    {
        Assert.Equal([error], Errors(new EvaluationSpec { Model = model, ModelPath = path, Pretrained = pretrained }));
    }

    [Fact]
    public void The_registry_lists_the_built_in_models_apart_from_the_users_file()
    {
        Assert.Equal(["small-cnn", "resnet9", "mlp"], ModelRegistry.BuiltInNames);
        Assert.Equal("torchscript", Assert.Single(ModelRegistry.All, m => m.ReadsModelPath).Name);
        Assert.All(ModelRegistry.All, m => Assert.Same(m, ModelRegistry.Get(m.Name)));
        Assert.Equal(ModelRegistry.SmallCnnName, new EvaluationSpec().Model);
    }

    private static IReadOnlyList<string> Errors(EvaluationSpec evaluation) =>
        [.. SearchSpecValidator.Validate(new SearchSpec { Evaluation = evaluation }).Where(e => e.StartsWith("evaluation.", StringComparison.Ordinal))];
}
