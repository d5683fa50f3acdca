using EvoGrains.Core.Search.Registries;
using EvoGrains.Training.Data;

namespace EvoGrains.Training.Tests.Data;

public sealed class FashionMnistTests
{
    private static bool Installed => File.Exists(Path.Combine(DatasetRegistry.FashionMnist.DefaultDataPath!, "train-images-idx3-ubyte.gz"));

    [Fact]
    public void Real_files_have_60000_train_and_10000_test_images_with_ten_labels()
    {
        // The Debian package is a bootstrap prerequisite; without it there is nothing real to check.
        if (!Installed)
        {
            return;
        }

        var spec = DatasetSpec.FashionMnist();
        var (train, test, classes) = DatasetLoader.Load(spec);

        Assert.Equal(60000, train.Count);
        Assert.Equal(10000, test.Count);
        Assert.Equal(10, classes.Count);
        Assert.Equal(new ImageShape(1, 28, 28), train.Shape);
        Assert.All(train.Labels, l => Assert.InRange(l, (byte)0, (byte)9));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (byte)i), test.Labels.Distinct().Order());
    }
}
