using EvoGrains.TestSupport;

namespace EvoGrains.Grains.Tests.Fixtures;

/// <summary>
/// The real redis-server on a free loopback port, in a temp folder, with RDB and AOF disabled.
/// Tests isolate themselves by ServiceId/ClusterId rather than by flushing.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private const string RedisServerPath = "/usr/bin/redis-server";

    private readonly string _directory = Directory.CreateTempSubdirectory("evograins-redis-").FullName;
    private ServerProcess? _server;

    public int Port { get; } = FreeTcpPort.Next();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        if (!File.Exists(RedisServerPath))
        {
            throw new InvalidOperationException($"{RedisServerPath} is missing; install the redis-server package (the project bootstrap does).");
        }

        _server = await ServerProcess.StartListeningAsync(
            RedisServerPath,
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory, "--save", "", "--appendonly", "no", "--daemonize", "no"],
            _directory,
            Port,
            TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
