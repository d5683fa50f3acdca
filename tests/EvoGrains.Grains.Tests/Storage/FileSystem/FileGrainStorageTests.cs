using EvoGrains.Grains.Storage.FileSystem;
using EvoGrains.Grains.Tests.TestGrains;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace EvoGrains.Grains.Tests.Storage.FileSystem;

public sealed class FileGrainStorageTests : GrainStorageContractTests, IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"evograins-files-{Guid.NewGuid():N}");

    public Task InitializeAsync() => CreateFileStorage().InitializeAsync(CancellationToken.None);

    public Task DisposeAsync()
    {
        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void Initialization_creates_the_root_folder() => Assert.True(Directory.Exists(root));

    [Fact]
    public async Task Writes_leave_exactly_one_json_file_and_no_temp_files()
    {
        var storage = CreateStorage();
        var grainId = GrainStorageHarness.NewGrainId();
        var state = new CounterGrainState(new CounterState { Value = 1 });

        await storage.WriteStateAsync("counter", grainId, state);
        state.State.Value = 2;
        await storage.WriteStateAsync("counter", grainId, state);

        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        var file = Assert.Single(files);
        Assert.EndsWith(".json", file, StringComparison.Ordinal);
        Assert.Contains("\"Value\":2", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orleans_binary_state_is_written_to_a_bin_file()
    {
        var storage = new FileGrainStorage(
            "evograins",
            new FileGrainStorageOptions { RootFolder = root, GrainStorageSerializer = GrainStorageHarness.BinarySerializer },
            GrainStorageHarness.ActivatorProvider,
            NullLogger<FileGrainStorage>.Instance);
        var grainId = GrainStorageHarness.NewGrainId();

        await storage.WriteStateAsync("counter", grainId, new CounterGrainState(new CounterState { Value = 5 }));
        var read = new CounterGrainState();
        await storage.ReadStateAsync("counter", grainId, read);

        Assert.EndsWith(".bin", Assert.Single(Directory.GetFiles(root, "*", SearchOption.AllDirectories)), StringComparison.Ordinal);
        Assert.Equal(5, read.State.Value);
    }

    [Fact]
    public async Task Keys_too_long_for_a_file_name_still_round_trip()
    {
        var grainId = GrainId.Create("counter", new string('x', 400) + "/ü");
        var written = new CounterGrainState(new CounterState { Value = 9 });

        await CreateStorage().WriteStateAsync("counter", grainId, written);
        var read = new CounterGrainState();
        await CreateStorage().ReadStateAsync("counter", grainId, read);

        Assert.Equal(9, read.State.Value);
    }

    protected override IGrainStorage CreateStorage() => CreateFileStorage();

    private FileGrainStorage CreateFileStorage() =>
        new(
            "evograins",
            new FileGrainStorageOptions { RootFolder = root, GrainStorageSerializer = GrainStorageHarness.Serializer },
            GrainStorageHarness.ActivatorProvider,
            NullLogger<FileGrainStorage>.Instance);
}
