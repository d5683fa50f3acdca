using EvoGrains.Core.Search;

namespace EvoGrains.Core.Tests.Search;

/// <summary>evaluation.augment and finalStage.transfer: each bad value is one line naming its field and position.</summary>
public sealed class TransferValidationTests
{
    private const string Source = "spec.json";

    [Theory]
    [InlineData("""{"model": "vgg"}""", "finalStage.transfer[1].model: 'vgg' is not one of small-cnn, resnet9, mlp")]
    [InlineData("""{"model": "torchscript"}""", "finalStage.transfer[1].model: 'torchscript' is not one of small-cnn, resnet9, mlp")]
    [InlineData("""{"trainSubset": -1}""", "finalStage.transfer[1].trainSubset: must be between 0 and 10000000 (got -1)")]
    [InlineData("""{"labelNoise": 0.9}""", "finalStage.transfer[1].labelNoise: must be between 0 and 0.8 (got 0.9)")]
    [InlineData("""{"steps": 0}""", "finalStage.transfer[1].steps: must be between 1 and 10000000 (got 0)")]
    [InlineData("""{"batchSize": 5000}""", "finalStage.transfer[1].batchSize: must be between 1 and 4096 (got 5000)")]
    [InlineData("""{"learningRate": 0}""", "finalStage.transfer[1].learningRate: must be between 1E-07 and 10 (got 0)")]
    [InlineData("""{"augment": "mixup"}""", "finalStage.transfer[1].augment: 'mixup' is not one of none, crop-flip")]
    [InlineData("""{"name": "x|y", "steps": 10}""", "finalStage.transfer[1].name: must be 1..64 letters, digits, spaces, '-', '_', '.' or ','")]
    [InlineData("""{"name": "only a name"}""", "finalStage.transfer[1]: sets nothing to train differently; give at least one of model, trainSubset, labelNoise, steps, batchSize, learningRate, augment")]
    [InlineData("""{"model": "resnet9"}""", "finalStage.transfer[1]: its name 'resnet9' is also finalStage.transfer[0]'s; give each setting its own name")]
    public void A_bad_transfer_setting_is_one_line_naming_its_field(string setting, string expected)
    {
        var json = $$$"""{"finalStage": {"transfer": [{"model": "resnet9"}, {{{setting}}}]}}""";

        var error = Assert.Throws<SearchSpecException>(() => SearchSpecJson.Parse(json, Source));

        Assert.StartsWith($"{Source}: {expected}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_unknown_augmentation_is_refused_naming_evaluation_augment()
    {
        var error = Assert.Throws<SearchSpecException>(() => SearchSpecJson.Parse("""{"evaluation": {"augment": "crop"}}""", Source));

        Assert.Equal($"{Source}: evaluation.augment: 'crop' is not one of none, crop-flip", error.Message);
    }

    [Fact]
    public void Eleven_settings_are_too_many()
    {
        var spec = new SearchSpec { FinalStage = new FinalStageSpec { Transfer = [.. Enumerable.Range(1, 11).Select(i => new TransferSpec { Steps = i })] } };

        Assert.Equal(["finalStage.transfer: must be between 0 and 10 (got 11)"], SearchSpecValidator.Validate(spec));
    }

    [Fact]
    public void Valid_settings_parse_and_write_back_without_their_unset_fields()
    {
        var json = """{"evaluation": {"augment": "crop-flip"}, "finalStage": {"transfer": [{"model": "resnet9", "steps": 300}, {"trainSubset": 0}, {"name": "flips", "augment": "none"}]}}""";

        var spec = SearchSpecJson.Parse(json, Source);

        Assert.Equal("crop-flip", spec.Evaluation.Augment);
        Assert.Equal(3, spec.FinalStage.Transfer.Count);
        Assert.Equal(SearchSpecJson.Write(spec), SearchSpecJson.Write(SearchSpecJson.Parse(SearchSpecJson.Write(spec), Source)));
        Assert.DoesNotContain("\"batchSize\": null", SearchSpecJson.Write(spec), StringComparison.Ordinal);
    }
}
