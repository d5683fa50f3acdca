using EvoGrains.Core.Search;
using EvoGrains.Core.Search.Registries;
using EvoGrains.TestSupport.Data;
using EvoGrains.Training.Data;
using EvoGrains.Training.Losses;
using EvoGrains.Training.Trainer;

namespace EvoGrains.Training.Tests.Data;

/// <summary>Training reads exactly the datasets Core's registry names, and a spec's dataset fields reach the reader.</summary>
public sealed class DatasetRegistryTests
{
    [Fact]
    public void Every_registry_dataset_has_a_reader_and_every_reader_a_registry_entry()
    {
        Assert.Equal(DatasetRegistry.Names.Order(StringComparer.Ordinal), DatasetFormats.ByName.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_synthetic_reader_makes_the_classes_the_registry_states()
    {
        Assert.Equal(DatasetRegistry.Synthetic.Classes, DatasetLoader.Load(DatasetSpec.SyntheticSet()).Classes);
    }

    [Fact]
    public void A_specs_dataset_fields_reach_the_dataset_spec()
    {
        var dataset = TrainingEvaluator.DatasetOf(new EvaluationSpec { Dataset = "npz", DataPath = "/d/x.npz", Layout = "nchw" });
        var folder = TrainingEvaluator.DatasetOf(new EvaluationSpec { Dataset = "folder", DataPath = "/d/pets", ImageSize = 64, Channels = 1 });

        Assert.Equal(new DatasetSpec("npz", "/d/x.npz") { ChannelsFirst = true }, dataset);
        Assert.Equal(new DatasetSpec("folder", "/d/pets") { ImageSize = 64, Channels = 1 }, folder);
        Assert.Equal(DatasetSpec.SyntheticSet(), TrainingEvaluator.DatasetOf(new EvaluationSpec { Dataset = "synthetic" }));
        Assert.Equal(DatasetSpec.FashionMnist(), TrainingEvaluator.DatasetOf(new EvaluationSpec()));
    }

    [Fact]
    public void A_model_trains_on_a_folder_of_png_files()
    {
        using var dir = new TempDirectory();
        ImageFiles.WriteFolder(dir.File("data"), ["cat", "dog"], train: 12, test: 2, size: 8);
        var request = new TrainingRequest
        {
            Dataset = new DatasetSpec("folder", dir.File("data")) { CacheFolder = dir.File("cache") },
            Model = "mlp",
            Steps = 10,
            BatchSize = 4,
            WarmupSteps = 1,
            ValidationSize = 4,
            MaxThreads = 1,
            EvaluateTest = true,
        };

        var result = new SurrogateTrainer(new DatasetCache()).Train(request, new CrossEntropyTensorLoss());

        Assert.Equal(TrainingStatus.Completed, result.Status);
        Assert.NotNull(result.TestAccuracy);
    }
}
