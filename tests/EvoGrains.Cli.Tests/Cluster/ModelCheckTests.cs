using EvoGrains.Core.Search;

namespace EvoGrains.Cli.Tests.Cluster;

/// <summary>A TorchScript model that cannot serve stops `local` before the search starts: exit 2, one line naming the file.</summary>
public sealed class ModelCheckTests
{
    [Fact]
    public async Task A_model_file_that_does_not_load_stops_local_with_one_line()
    {
        var folder = TinySpecs.TempFolder();
        var model = Path.Combine(folder, "net.pt");
        var spec = TinySpecs.Synthetic(10) with
        {
            Evaluation = new EvaluationSpec { Evaluator = "training", Dataset = "synthetic", ValidationSize = 100, Model = "torchscript", ModelPath = model },
        };
        var path = TinySpecs.WriteTo(folder, spec);
        await File.WriteAllTextAsync(model, "not TorchScript");
        try
        {
            var run = await CliRun.Of("local", "--spec", path, "--out", Path.Combine(folder, "out"));

            Assert.Equal(2, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            Assert.StartsWith($"evograins: {path}: evaluation.modelPath: {model}: does not load as a TorchScript module (", line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(folder, "out")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
