using EvoGrains.TestSupport;

namespace EvoGrains.Grains.Tests.Fixtures;

/// <summary>
/// Real Azurite (blob service only, in memory) on a free loopback port. Found through
/// EVOGRAINS_TOOLS_DIR or ~/.evograins/tools, where the project bootstrap installs it.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string ToolsDirVariable = "EVOGRAINS_TOOLS_DIR";

    // Azurite's fixed well-known development account.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _directory = Directory.CreateTempSubdirectory("evograins-azurite-").FullName;
    private ServerProcess? _server;

    public int Port { get; } = FreeTcpPort.Next();

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    public async Task InitializeAsync()
    {
        var executable = FindAzuriteBlob();
        _server = await ServerProcess.StartListeningAsync(
            executable,
            ["--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry"],
            _directory,
            Port,
            TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static string FindAzuriteBlob()
    {
        var toolsDir = Environment.GetEnvironmentVariable(ToolsDirVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".evograins", "tools");
        var executable = Path.Combine(toolsDir, "node_modules", ".bin", "azurite-blob");
        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException(
                $"Azurite not found at {executable}. Run the project bootstrap or set {ToolsDirVariable} to the folder holding node_modules/.bin/azurite-blob.");
    }
}
