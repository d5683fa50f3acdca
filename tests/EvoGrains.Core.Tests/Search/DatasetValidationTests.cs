using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;

namespace EvoGrains.Core.Tests.Search;

/// <summary>
/// evaluation.dataset and its fields are checked against the dataset registry: names, a data path where the dataset
/// has no default, the fields only some datasets read, and their ranges.
/// </summary>
public sealed class DatasetValidationTests
{
    [Theory]
    [InlineData("folder", "/data/pets", 64, 3, "nhwc")]
    [InlineData("folder", "/data/pets", 0, 1, "nhwc")]
    [InlineData("npz", "/data/x.npz", 0, 0, "nchw")]
    [InlineData("cifar100-coarse", "/data/cifar-100-binary", 0, 0, "nhwc")]
    [InlineData("fashion-mnist", "", 0, 0, "nhwc")]
    [InlineData("synthetic", "", 0, 0, "nhwc")]
    public void Datasets_with_the_fields_they_read_are_valid(string dataset, string path, int imageSize, int channels, string layout)
    {
        Assert.Empty(Errors(new EvaluationSpec { Dataset = dataset, DataPath = path, ImageSize = imageSize, Channels = channels, Layout = layout }));
    }

    [Theory]
    [InlineData("folder", "evaluation.dataPath: the folder dataset needs it: a folder holding train/ and test/, each with a folder per class of PNG or JPEG images")]
    [InlineData("npz", "evaluation.dataPath: the npz dataset needs it: the .npz file")]
    [InlineData("mnist", "evaluation.dataPath: the mnist dataset needs it: a folder with the IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-...)")]
    [InlineData("cifar10", "evaluation.dataPath: the cifar10 dataset needs it: the folder cifar-10-batches-bin (data_batch_1.bin ... data_batch_5.bin, test_batch.bin)")]
    public void Datasets_without_a_default_location_need_a_data_path(string dataset, string error)
    {
        Assert.Equal([error], Errors(new EvaluationSpec { Dataset = dataset, DataPath = "  " }));
    }

    [Theory]
    [InlineData("mnist", 32, 0, "nhwc", "evaluation.imageSize: the mnist dataset does not read it (only folder)")]
    [InlineData("npz", 0, 3, "nhwc", "evaluation.channels: the npz dataset does not read it (only folder)")]
    [InlineData("folder", 0, 0, "nchw", "evaluation.layout: the folder dataset does not read it (only npz)")]
    public void A_field_the_dataset_does_not_read_is_refused_when_set(string dataset, int imageSize, int channels, string layout, string error)
    {
        Assert.Equal([error], Errors(new EvaluationSpec { Dataset = dataset, DataPath = "/d", ImageSize = imageSize, Channels = channels, Layout = layout }));
    }

    [Theory]
    [InlineData(-1, 0, "nhwc", "evaluation.imageSize: must be between 0 and 1024 (got -1)")]
    [InlineData(2048, 0, "nhwc", "evaluation.imageSize: must be between 0 and 1024 (got 2048)")]
    [InlineData(0, 2, "nhwc", "evaluation.channels: must be 0 (from the images), 1 or 3 (got 2)")]
    [InlineData(0, 0, "NHWC", "evaluation.layout: 'NHWC' is not one of nhwc, nchw")]
    public void Dataset_fields_out_of_range_are_refused_whatever_the_dataset(int imageSize, int channels, string layout, string error)
    {
        Assert.Contains(error, Errors(new EvaluationSpec { ImageSize = imageSize, Channels = channels, Layout = layout }));
        Assert.Contains(error, Errors(new EvaluationSpec { Dataset = "folder", DataPath = "/d", ImageSize = imageSize, Channels = channels, Layout = layout }));
    }

    [Fact]
    public void An_unknown_dataset_lists_the_registry()
    {
        Assert.Equal(
            [$"evaluation.dataset: 'imagenet' is not one of {string.Join(", ", DatasetRegistry.Names)}"],
            Errors(new EvaluationSpec { Dataset = "imagenet" }));
    }

    [Fact]
    public void The_registry_names_each_dataset_once_with_a_description_and_only_known_fields()
    {
        var fields = DatasetRegistry.Options.Select(o => o.Field).ToHashSet();

        Assert.Equal(DatasetRegistry.All.Count, DatasetRegistry.Names.Distinct().Count());
        Assert.All(DatasetRegistry.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Description), d.Name));
        Assert.All(DatasetRegistry.All, d => Assert.Subset(fields, d.Options.ToHashSet()));
        Assert.All(DatasetRegistry.All, d => Assert.Same(d, DatasetRegistry.Get(d.Name)));
        Assert.Null(DatasetRegistry.Find("Folder"));
    }

    private static IReadOnlyList<string> Errors(EvaluationSpec evaluation) =>
        [.. SearchSpecValidator.Validate(new SearchSpec { Evaluation = evaluation }).Where(e => e.StartsWith("evaluation.", StringComparison.Ordinal))];
}
