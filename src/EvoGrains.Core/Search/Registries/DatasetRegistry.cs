namespace EvoGrains.Core.Search.Registries;

/// <summary>
/// The one list of datasets a spec can name (<c>evaluation.dataset</c>), read by the spec validator, the CLI's help,
/// the docs test and Training's readers (<c>DatasetFormats</c>, which has one reader per entry).
/// </summary>
public static class DatasetRegistry
{
    public const string ImageSize = "imageSize";
    public const string Channels = "channels";
    public const string Layout = "layout";

    /// <summary>The values <c>evaluation.layout</c> takes: how an .npz file's image arrays are ordered.</summary>
    public static IReadOnlyList<string> Layouts { get; } = ["nhwc", "nchw"];

    public static DatasetDescriptor FashionMnist { get; } = new()
    {
        Name = "fashion-mnist",
        Description = "Fashion-MNIST, 28x28 grey, 10 classes (IDX files; Debian's dataset-fashion-mnist installs them)",
        Classes = 10,
        DataPath = "a folder with the IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-...)",
        DefaultDataPath = "/usr/share/datasets/fashion-mnist",
    };

    public static DatasetDescriptor Folder { get; } = new()
    {
        Name = "folder",
        Description =
            "your images: train/ and test/ each with a folder per class of PNG or JPEG files; labels from the sorted "
            + "class names",
        DataPath = "a folder holding train/ and test/, each with a folder per class of PNG or JPEG images",
        Options = [ImageSize, Channels],
    };

    public static DatasetDescriptor Npz { get; } = new()
    {
        Name = "npz",
        Description =
            "your arrays: a NumPy .npz with x_train, y_train, x_test, y_test (images uint8 or float32, NHWC or NCHW "
            + "by layout)",
        DataPath = "the .npz file",
        Options = [Layout],
    };

    public static DatasetDescriptor Synthetic { get; } = new()
    {
        Name = "synthetic",
        Description = "seeded Gaussian-blob images, 16x16 grey, 4 classes (tests and smoke runs; reads no files)",
        Classes = 4,
    };

    /// <summary>Every dataset, in the order help and docs list them.</summary>
    public static IReadOnlyList<DatasetDescriptor> All { get; } =
    [
        FashionMnist,
        new()
        {
            Name = "mnist",
            Description = "MNIST digits, 28x28 grey, 10 classes (IDX files)",
            Classes = 10,
            DataPath = FashionMnist.DataPath,
        },
        new()
        {
            Name = "kmnist",
            Description = "Kuzushiji-MNIST, 28x28 grey, 10 classes (IDX files)",
            Classes = 10,
            DataPath = FashionMnist.DataPath,
        },
        new()
        {
            Name = "cifar10",
            Description = "CIFAR-10, 32x32 colour, 10 classes (binary batches)",
            Classes = 10,
            DataPath = "the folder cifar-10-batches-bin (data_batch_1.bin ... data_batch_5.bin, test_batch.bin)",
        },
        new()
        {
            Name = "cifar100",
            Description = "CIFAR-100, 32x32 colour, 100 fine classes (binary batches)",
            Classes = 100,
            DataPath = "the folder cifar-100-binary (train.bin, test.bin)",
        },
        new()
        {
            Name = "cifar100-coarse",
            Description = "CIFAR-100 with its 20 coarse classes (superclasses)",
            Classes = 20,
            DataPath = "the folder cifar-100-binary (train.bin, test.bin)",
        },
        Folder,
        Npz,
        Synthetic,
    ];

    /// <summary>
    /// The dataset fields of <see cref="EvaluationSpec"/> only some datasets read, with their defaults.
    /// </summary>
    public static IReadOnlyList<(string Field, Func<EvaluationSpec, bool> IsSet)> Options { get; } =
    [
        (ImageSize, e => e.ImageSize != 0),
        (Channels, e => e.Channels != 0),
        (Layout, e => e.Layout != Layouts[0]),
    ];

    private static readonly Registry<DatasetDescriptor> Entries = new("dataset", All);

    public static IReadOnlyList<string> Names => Entries.Names;

    /// <summary>Every dataset with its description, "name (description); ..." (option help).</summary>
    public static string Help => Entries.Help;

    /// <summary>The dataset named <paramref name="name"/> (exactly, as specs spell it), or null.</summary>
    public static DatasetDescriptor? Find(string name) => Entries.Find(name);

    /// <summary>The dataset named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No dataset has that name.</exception>
    public static DatasetDescriptor Get(string name) => Entries.Get(name);
}
