using System.Text.Json;
using EvoGrains.Cli.Tests.Cluster;
using EvoGrains.Core.Search;
using EvoGrains.Training.Data;
using static EvoGrains.TestSupport.Data.NpzWriter;
using ImageFiles = EvoGrains.TestSupport.Data.ImageFiles;

namespace EvoGrains.Cli.Tests.Commands;

/// <summary>
/// `evograins data check &lt;spec&gt;` prints what the spec's data and model resolve to, and bad data or a bad model is exit
/// 2 with one line naming the file, from `data check` and from `local` alike. The decoded-image cache goes to a
/// temporary folder through EVOGRAINS_DATA_CACHE, so these tests run alone.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class DataCommandTests : IDisposable
{
    private readonly string folder = TinySpecs.TempFolder();
    private readonly string? cacheBefore = Environment.GetEnvironmentVariable(DatasetDiskCache.FolderVariable);

    public DataCommandTests()
    {
        Directory.CreateDirectory(folder);
        Environment.SetEnvironmentVariable(DatasetDiskCache.FolderVariable, Cache);
    }

    private string Cache => Path.Combine(folder, "cache");

    private string Images => Path.Combine(folder, "pets");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(DatasetDiskCache.FolderVariable, cacheBefore);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_folder_dataset_resolves_to_its_classes_counts_shape_and_cache()
    {
        ImageFiles.WriteFolder(Images, ["cat", "dog", "fox"], train: 4, test: 2, size: 6);
        var spec = Spec(new EvaluationSpec { Dataset = "folder", DataPath = Images, ValidationSize = 3, TrainSubset = 100 });

        var run = await CliRun.Of("data", "check", spec);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"data path   {Images}", lines[1]);
        Assert.Equal("classes     3: cat, dog, fox", lines[2]);
        Assert.Equal("train       12 images: 3 held out for validation (fitness), 9 trained on", lines[3]);
        Assert.Equal("test        6 images (final reports only)", lines[4]);
        Assert.Equal("images      3 x 6 x 6 (channels x height x width)", lines[5]);
        var cache = Assert.Single(Directory.GetFiles(Cache, "folder-*.npz"));
        Assert.Equal($"cache       {cache}", lines[6]);
        Assert.StartsWith("model       small-cnn: ", lines[7], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_reports_an_npz_dataset_and_a_torchscript_model()
    {
        var data = Path.Combine(folder, "fashion.npz");
        Write(data, compressed: true,
            UInt8("x_train", new byte[20 * 28 * 28], 20, 28, 28), Int64("y_train", [.. Enumerable.Range(0, 20).Select(i => (long)(i % 10))], 20),
            UInt8("x_test", new byte[10 * 28 * 28], 10, 28, 28), Int64("y_test", [.. Enumerable.Range(0, 10).Select(i => (long)i)], 10));
        var model = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fashion_cnn.pt");
        var spec = Spec(new EvaluationSpec { Dataset = "npz", DataPath = data, ValidationSize = 5, Model = "torchscript", ModelPath = model });

        var run = await CliRun.Of("data", "check", spec, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var report = JsonDocument.Parse(run.Out);
        var root = report.RootElement;
        Assert.Equal("npz", root.GetProperty("dataset").GetString());
        Assert.Equal(10, root.GetProperty("classes").GetArrayLength());
        Assert.Equal((20, 5, 15, 10), (root.GetProperty("train").GetInt32(), root.GetProperty("validation").GetInt32(), root.GetProperty("trainedOn").GetInt32(), root.GetProperty("test").GetInt32()));
        Assert.Equal(28, root.GetProperty("shape").GetProperty("width").GetInt32());
        Assert.Equal(model, root.GetProperty("modelPath").GetString());
        Assert.False(root.GetProperty("pretrained").GetBoolean());
    }

    public static TheoryData<string, string> BadData() => new()
    {
        { "no-test-images", "class 'dog' has no test images (.png, .jpg, .jpeg)" },
        { "unreadable-image", "not a readable image (PNG or JPEG" },
        { "mixed-sizes", "7x7 pixels, but" },
        { "labels-out-of-range", "y_train: label 300 at index 1 is out of range (0..255)" },
        { "lengths-differ", "x_train holds 2 images but y_train 3 labels" },
        { "wrong-class-count", "maps a [2, 1, 28, 28] batch to Float32 [2, 10]; the dataset has 2 classes" },
    };

    [Theory]
    [MemberData(nameof(BadData))]
    public async Task Bad_data_is_exit_2_and_one_line_naming_the_file_from_data_check_and_from_local(string bad, string message)
    {
        var evaluation = Bad(bad);
        var spec = Spec(evaluation);

        var check = await CliRun.Of("data", "check", spec);
        var local = await CliRun.Of("local", "--spec", spec, "--out", Path.Combine(folder, "out"));

        foreach (var run in new[] { check, local })
        {
            Assert.Equal(2, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            var field = bad == "wrong-class-count" ? "evaluation.modelPath" : "evaluation.dataPath";
            Assert.StartsWith($"evograins: {spec}: {field}: ", line, StringComparison.Ordinal);
            Assert.Contains(message, line, StringComparison.Ordinal);
        }

        Assert.Equal("", check.Out);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public async Task A_spec_whose_evaluator_trains_nothing_reads_no_data()
    {
        var run = await CliRun.Of("data", "check", TinySpecs.WriteTo(folder, TinySpecs.Synthetic(10)));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("evaluator   synthetic: trains no model and reads no data\n", run.Out);
    }

    private EvaluationSpec Bad(string bad)
    {
        var npz = Path.Combine(folder, "bad.npz");
        switch (bad)
        {
            case "no-test-images":
                ImageFiles.WriteFolder(Images, ["cat", "dog"], train: 2, test: 1, size: 4);
                File.Delete(Path.Combine(Images, "test", "dog", "0.png"));
                return Folder();
            case "unreadable-image":
                ImageFiles.WriteFolder(Images, ["cat", "dog"], train: 2, test: 1, size: 4);
                File.WriteAllText(Path.Combine(Images, "train", "dog", "1.png"), "not an image");
                return Folder();
            case "mixed-sizes":
                ImageFiles.WriteFolder(Images, ["cat", "dog"], train: 2, test: 1, size: 4);
                ImageFiles.Write(Path.Combine(Images, "test", "cat", "0.png"), 1, 7, 7);
                return Folder();
            case "labels-out-of-range":
                Write(npz, false, UInt8("x_train", new byte[8], 2, 2, 2), Int64("y_train", [0, 300], 2), UInt8("x_test", new byte[4], 1, 2, 2), Int64("y_test", [0], 1));
                return new EvaluationSpec { Dataset = "npz", DataPath = npz, ValidationSize = 1 };
            case "lengths-differ":
                Write(npz, false, UInt8("x_train", new byte[8], 2, 2, 2), Int64("y_train", [0, 1, 1], 3), UInt8("x_test", new byte[4], 1, 2, 2), Int64("y_test", [0], 1));
                return new EvaluationSpec { Dataset = "npz", DataPath = npz, ValidationSize = 1 };
            default:
                ImageFiles.WriteFolder(Images, ["cat", "dog"], train: 2, test: 1, size: 28, grey: true);
                return Folder() with { Model = "torchscript", ModelPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fashion_cnn.pt") };
        }
    }

    private EvaluationSpec Folder() => new() { Dataset = "folder", DataPath = Images, ValidationSize = 1 };

    private string Spec(EvaluationSpec evaluation) =>
        TinySpecs.WriteTo(folder, TinySpecs.Synthetic(10) with { Evaluation = evaluation with { Evaluator = "training" } });
}
