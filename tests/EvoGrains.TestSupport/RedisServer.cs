using System.Globalization;

namespace EvoGrains.TestSupport;

/// <summary>
/// The real redis-server on a free loopback port in a temp folder, RDB and AOF off (it outlives every
/// silo of a test). A class or collection fixture, or started directly with <see cref="StartAsync"/>.
/// Tests isolate themselves by ServiceId/ClusterId rather than by flushing.
/// </summary>
public sealed class RedisServer : IAsyncLifetime, IAsyncDisposable
{
    private const string RedisServerPath = "/usr/bin/redis-server";

    private readonly string directory = Directory.CreateTempSubdirectory("evograins-redis-").FullName;
    private ChildProcess? process;

    public int Port { get; } = FreeTcpPort.Next();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer();
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(RedisServerPath))
        {
            throw new InvalidOperationException($"{RedisServerPath} is missing; install the redis-server package (the project bootstrap does).");
        }

        process = await ChildProcess.StartListeningAsync(
            RedisServerPath,
            ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no", "--daemonize", "no"],
            directory,
            Port,
            TimeSpan.FromSeconds(20));
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

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
