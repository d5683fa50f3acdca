using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace EvoGrains.Grains.Storage.AzureBlob;

/// <summary>
/// One blob per grain state with optimistic concurrency on the blob ETag. Exists because the
/// official Microsoft.Orleans.Persistence.AzureStorage package cannot be restored here.
/// </summary>
public sealed partial class AzureBlobGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private const string JsonContentType = "application/json";

    private readonly string _name;
    private readonly string _serviceId;
    private readonly AzureBlobGrainStorageOptions _options;
    private readonly IActivatorProvider _activatorProvider;
    private readonly ILogger<AzureBlobGrainStorage> _logger;
    private readonly BlobContainerClient _container;

    public AzureBlobGrainStorage(
        string name,
        AzureBlobGrainStorageOptions options,
        IOptions<ClusterOptions> clusterOptions,
        IActivatorProvider activatorProvider,
        ILogger<AzureBlobGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        ArgumentNullException.ThrowIfNull(options.GrainStorageSerializer);
        _name = name;
        _serviceId = clusterOptions.Value.ServiceId;
        _options = options;
        _activatorProvider = activatorProvider;
        _logger = logger;
        _container = new BlobContainerClient(options.ConnectionString, options.ContainerName);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<AzureBlobGrainStorage>(_name), _options.InitStage, InitializeAsync);

    /// <summary>Creates the container if it does not exist yet.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        LogInitialized(_name, _options.ContainerName);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var blob = GetBlob(stateName, grainId);
        try
        {
            var response = await blob.DownloadContentAsync().ConfigureAwait(false);
            grainState.State = _options.GrainStorageSerializer.Deserialize<T>(response.Value.Content) ?? CreateInstance<T>();
            grainState.ETag = response.Value.Details.ETag.ToString();
            grainState.RecordExists = true;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            grainState.State = CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var blob = GetBlob(stateName, grainId);
        var content = _options.GrainStorageSerializer.Serialize(grainState.State);
        var upload = new BlobUploadOptions
        {
            Conditions = ExpectedVersion(grainState.ETag),
            HttpHeaders = new BlobHttpHeaders { ContentType = JsonContentType },
        };

        try
        {
            var response = await blob.UploadAsync(content, upload).ConfigureAwait(false);
            grainState.ETag = response.Value.ETag.ToString();
            grainState.RecordExists = true;
        }
        catch (RequestFailedException ex) when (IsConcurrencyConflict(ex))
        {
            throw Conflict(nameof(WriteStateAsync), stateName, grainId, grainState.ETag, ex);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var blob = GetBlob(stateName, grainId);
        try
        {
            // With no ETag the caller believes there is no record: If-None-Match:* turns "a record
            // appeared meanwhile" into a 412 instead of silently deleting someone else's write.
            await blob.DeleteIfExistsAsync(conditions: ExpectedVersion(grainState.ETag)).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsConcurrencyConflict(ex))
        {
            throw Conflict(nameof(ClearStateAsync), stateName, grainId, grainState.ETag, ex);
        }

        grainState.State = CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private BlobClient GetBlob(string stateName, GrainId grainId) =>
        _container.GetBlobClient($"{_serviceId}/{stateName}/{grainId}.json");

    private static BlobRequestConditions ExpectedVersion(string? etag) =>
        etag is null
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = new ETag(etag) };

    // 412: If-Match failed. 409: If-None-Match:* on a blob that already exists.
    private static bool IsConcurrencyConflict(RequestFailedException ex) =>
        ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict;

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag, Exception inner) =>
        new($"Version conflict ({operation}): provider={_name} state={stateName} grain={grainId} etag={etag ?? "<none>"}.", storedEtag: null, currentEtag: etag, inner);

    private T CreateInstance<T>() => _activatorProvider.GetActivator<T>().Create();

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure Blob grain storage '{Name}' ready on container '{Container}'.")]
    private partial void LogInitialized(string name, string container);
}
