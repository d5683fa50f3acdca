using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Models;
using EvoGrains.Training.Packing;
using EvoGrains.Training.Trainer;
using TorchSharp;

namespace EvoGrains.Training.Tests.Models;

/// <summary>
/// The user's TorchScript model, with Fixtures/fashion_cnn.pt (made by Fixtures/make_fixtures.py with python3-torch:
/// conv 8 -> batch norm -> ReLU -> pool -> linear 10 on 1x28x28): it trains, is redrawn from the seed unless pretrained,
/// trains in a pack as it does alone, and a file that cannot serve is one line saying why.
/// </summary>
public sealed class TorchScriptModelTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fashion_cnn.pt");
    private static readonly PreparedDataCache Prepared = new();
    private static readonly ImageShape FashionShape = new(1, 28, 28);

    [Fact]
    public void Every_registry_model_has_a_builder_and_every_builder_a_registry_entry()
    {
        Assert.Equal(ModelRegistry.Names.Order(StringComparer.Ordinal), ModelBuilders.ByName.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_file_trains_on_fashion_mnist_shaped_images_and_learns()
    {
        var result = new SurrogateTrainer(Prepared).Train(Request(steps: 60), new CrossEntropyTensorLoss());

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.True(result.ValidationAccuracy > 0.5, $"validation accuracy {result.ValidationAccuracy} (10 classes)");
        Assert.True(result.LossCurve[^1] < result.LossCurve[0], "the loss did not fall");
    }

    [Fact]
    public void Members_are_redrawn_from_their_seeds_as_pytorch_draws_layers_unless_pretrained()
    {
        using var file = torch.jit.load<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>(Fixture);
        var fileValues = Values(file.parameters());
        var builder = ModelBuilders.Of("torchscript");

        using var redrawn = builder.Pack(Request(), FashionShape, 10, [1, 1, 2], torch.CPU);
        using var kept = builder.Pack(Request() with { Pretrained = true }, FashionShape, 10, [1, 2], torch.CPU);
        var members = Members(redrawn);

        // conv.weight, conv.bias, norm.weight, norm.bias, fc.weight, fc.bias
        Assert.Equal(6, fileValues.Count);
        Assert.Equal(members[0], members[1]);
        Assert.NotEqual(members[0][0], members[2][0]);
        Assert.NotEqual(fileValues[0], members[0][0]);
        Assert.All(members[0][0].Concat(members[0][1]), v => Assert.InRange(v, -1 / 3f, 1 / 3f));
        Assert.All(members[0][4].Concat(members[0][5]), v => Assert.InRange(v, -1 / MathF.Sqrt(8 * 14 * 14), 1 / MathF.Sqrt(8 * 14 * 14)));
        Assert.All(members[0][2], v => Assert.Equal(1f, v));
        Assert.All(members[0][3], v => Assert.Equal(0f, v));
        Assert.All(Members(kept), member => Assert.Equal(fileValues, member));
    }

    [Fact]
    public void A_member_of_a_pack_trains_bit_for_bit_as_it_does_alone()
    {
        var request = Request(steps: 20);
        var members = new[] { new PackMember(new CrossEntropyTensorLoss(), 4), new PackMember(new CrossEntropyTensorLoss(0.2), 9) };

        var packed = new PackedTrainer(Prepared).Train(request, members);
        var alone = members.Select(m => new SurrogateTrainer(Prepared).Train(request with { Seed = m.Seed }, m.Loss)).ToList();

        for (var i = 0; i < members.Length; i++)
        {
            Assert.Equal(TrainingStatus.Completed, packed[i].Status);
            Assert.Equal(alone[i].LossCurve, packed[i].LossCurve);
            Assert.Equal(alone[i].ValidationAccuracy, packed[i].ValidationAccuracy);
        }

        Assert.NotEqual(packed[0].LossCurve, packed[1].LossCurve);
    }

    [Fact]
    public void A_file_that_does_not_load_is_named()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("net.pt"), "not a zip of a TorchScript archive");

        var problem = Problem(Request() with { ModelPath = dir.File("net.pt") }, FashionShape, 10);

        Assert.StartsWith($"{dir.File("net.pt")}: does not load as a TorchScript module (", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem!);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var problem = Problem(Request() with { ModelPath = "/no/such/net.pt" }, FashionShape, 10);

        Assert.StartsWith("/no/such/net.pt: does not load as a TorchScript module (FileNotFoundException", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_trainable_parameters_is_refused()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "no_parameters.pt");

        Assert.Equal($"{path}: has no trainable parameters (nothing for a loss to train)", Problem(Request() with { ModelPath = path }, FashionShape, 10));
    }

    [Fact]
    public void Logits_that_do_not_match_the_class_count_are_refused()
    {
        Assert.Equal(
            $"{Fixture}: maps a [2, 1, 28, 28] batch to Float32 [2, 10]; the dataset has 4 classes, so float logits [2, 4] are expected",
            Problem(Request(), FashionShape, 4));
    }

    [Fact]
    public void A_forward_that_fails_on_the_datasets_images_is_refused()
    {
        var problem = Problem(Request(), new ImageShape(3, 32, 32), 10);

        Assert.StartsWith($"{Fixture}: its forward fails on a [2, 3, 32, 32] batch of the dataset's images (ExternalException: RuntimeError: ", problem, StringComparison.Ordinal);
        Assert.Contains("to have 1 channels, but got 3 channels instead (in TorchScript))", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem!);
    }

    [Fact]
    public void The_fixture_passes_the_check_and_built_in_models_name_what_they_cannot_take()
    {
        Assert.Null(Problem(Request(), FashionShape, 10));
        Assert.Null(ModelBuilders.Of("small-cnn").Problem(Request() with { Model = "small-cnn" }, FashionShape, 10));
        Assert.StartsWith(
            "the resnet9 model cannot take 1x4x4 images and 10 classes: ",
            ModelBuilders.Of("resnet9").Problem(Request() with { Model = "resnet9" }, new ImageShape(1, 4, 4), 10),
            StringComparison.Ordinal);
    }

    private static string? Problem(TrainingRequest request, ImageShape shape, int classes) => ModelBuilders.Of("torchscript").Problem(request, shape, classes);

    private static TrainingRequest Request(int steps = 10) => new()
    {
        Dataset = DatasetSpec.SyntheticSet(
            new SyntheticOptions(Classes: 10, TrainCount: 600, TestCount: 20, Size: 28, NoiseStd: 30)),
        Model = "torchscript",
        Steps = steps,
        BatchSize = 16,
        LearningRate = 3e-3,
        WarmupSteps = 2,
        Seed = 4,
        ValidationSize = 100,
        MaxThreads = 1,
        ModelPath = Fixture,
    };

    /// <summary>Each member's parameters' values, split from the pack's list (every member has as many).</summary>
    private static List<List<float[]>> Members(IPackedModel pack)
    {
        var perMember = pack.Parameters.Count / pack.Members;
        return [.. pack.Parameters.Chunk(perMember).Select(Values)];
    }

    private static List<float[]> Values(IEnumerable<TorchSharp.Modules.Parameter> parameters) =>
        [.. parameters.Select(p => p.detach().cpu().data<float>().ToArray())];
}
