using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace EvoGrains.Grains.Storage.FileSystem;

/// <summary>
/// One file per grain state under a root folder, for the embedded single-machine run so an
/// interrupted search resumes. Files are named for what they hold: <c>.json</c> from a JSON
/// serializer, <c>.bin</c> from Orleans' binary one (the silo's choice). The ETag is the SHA-256 of the file content;
/// replacement is a flushed temp file renamed over the target, so a crash leaves either the old or the new state.
/// Concurrency checks are serialized per file within this process only: the folder must not be
/// shared by two silos at once.
/// </summary>
public sealed partial class FileGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    // Escaped file names longer than this fall back to a hash so any grain key fits in NAME_MAX (255).
    private const int MaxReadableFileNameLength = 200;

    private readonly string name;
    private readonly FileGrainStorageOptions options;
    private readonly string root;
    private readonly string extension;
    private readonly IActivatorProvider activatorProvider;
    private readonly ILogger<FileGrainStorage> logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> fileLocks = new(StringComparer.Ordinal);

    public FileGrainStorage(
        string name,
        FileGrainStorageOptions options,
        IActivatorProvider activatorProvider,
        ILogger<FileGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.RootFolder);
        ArgumentNullException.ThrowIfNull(options.GrainStorageSerializer);
        this.name = name;
        this.options = options;
        root = Path.GetFullPath(options.RootFolder);
        extension = options.GrainStorageSerializer is SystemTextJsonGrainStorageSerializer or JsonGrainStorageSerializer
            ? ".json"
            : ".bin";
        this.activatorProvider = activatorProvider;
        this.logger = logger;
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<FileGrainStorage>(name), options.InitStage, InitializeAsync);

    /// <summary>Creates the root folder if it does not exist yet.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        LogInitialized(name, root);
        return Task.CompletedTask;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = GetPath(stateName, grainId);
        var content = await TryReadAsync(path).ConfigureAwait(false);
        if (content is null)
        {
            grainState.State = CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = options.GrainStorageSerializer.Deserialize<T>(new BinaryData(content))
            ?? CreateInstance<T>();
        grainState.ETag = ComputeETag(content);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = GetPath(stateName, grainId);
        var content = options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        var fileLock = fileLocks.GetOrAdd(path, static _ => new SemaphoreSlim(1, 1));
        await fileLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await EnsureExpectedVersionAsync(nameof(WriteStateAsync), path, stateName, grainId, grainState.ETag)
                .ConfigureAwait(false);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                await using (var stream = new FileStream(
                    temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
                {
                    await stream.WriteAsync(content).ConfigureAwait(false);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        finally
        {
            fileLock.Release();
        }

        grainState.ETag = ComputeETag(content);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = GetPath(stateName, grainId);
        var fileLock = fileLocks.GetOrAdd(path, static _ => new SemaphoreSlim(1, 1));
        await fileLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await EnsureExpectedVersionAsync(nameof(ClearStateAsync), path, stateName, grainId, grainState.ETag)
                .ConfigureAwait(false);
            File.Delete(path);
        }
        finally
        {
            fileLock.Release();
        }

        grainState.State = CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task EnsureExpectedVersionAsync(
        string operation,
        string path,
        string stateName,
        GrainId grainId,
        string? expectedETag)
    {
        var current = await TryReadAsync(path).ConfigureAwait(false);
        var currentETag = current is null ? null : ComputeETag(current);
        if (!string.Equals(currentETag, expectedETag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"Version conflict ({operation}): provider={name} state={stateName} grain={grainId}.",
                storedEtag: currentETag,
                currentEtag: expectedETag);
        }
    }

    private static async Task<byte[]?> TryReadAsync(string path)
    {
        try
        {
            return await File.ReadAllBytesAsync(path).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string GetPath(string stateName, GrainId grainId) =>
        Path.Combine(root, ToFileName(stateName), ToFileName(grainId.ToString()) + extension);

    private static string ToFileName(string value)
    {
        var escaped = Uri.EscapeDataString(value);
        return escaped.Length <= MaxReadableFileNameLength
            ? escaped
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    private static string ComputeETag(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private T CreateInstance<T>() => activatorProvider.GetActivator<T>().Create();

    [LoggerMessage(Level = LogLevel.Information, Message = "File grain storage '{Name}' ready under '{Root}'.")]
    private partial void LogInitialized(string name, string root);
}
