using System.Globalization;

namespace EvoGrains.TestSupport;

/// <summary>
/// Real Azurite (blob, queue and table services, in memory) on free loopback ports, as a class or
/// collection fixture. Found through EVOGRAINS_TOOLS_DIR or ~/.evograins/tools, where the project
/// bootstrap installs it.
/// </summary>
public sealed class AzuriteServer : IAsyncLifetime
{
    private const string ToolsDirVariable = "EVOGRAINS_TOOLS_DIR";

    // Azurite's fixed well-known development account.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string directory = Directory.CreateTempSubdirectory("evograins-azurite-").FullName;
    private ChildProcess? process;

    public int BlobPort { get; } = FreeTcpPort.Next();

    public int QueuePort { get; } = FreeTcpPort.Next();

    public int TablePort { get; } = FreeTcpPort.Next();

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public async Task InitializeAsync()
    {
        process = await ChildProcess.StartListeningAsync(
            FindAzurite(),
            [
                "--blobHost", "127.0.0.1", "--blobPort", Port(BlobPort),
                "--queueHost", "127.0.0.1", "--queuePort", Port(QueuePort),
                "--tableHost", "127.0.0.1", "--tablePort", Port(TablePort),
                "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
            ],
            directory,
            BlobPort,
            TimeSpan.FromSeconds(30));

        // The services come up one after another; the blob port alone does not mean the table is there.
        await FreeTcpPort.WaitUntilListeningAsync(TablePort, () => process.HasExited, "azurite (table)", TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }

        TempFolder.DeleteQuietly(directory);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string FindAzurite()
    {
        var toolsDir = Environment.GetEnvironmentVariable(ToolsDirVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".evograins", "tools");
        var executable = Path.Combine(toolsDir, "node_modules", ".bin", "azurite");
        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException(
                $"Azurite not found at {executable}. Run the project bootstrap or set {ToolsDirVariable} to the folder holding node_modules/.bin/azurite.");
    }
}
