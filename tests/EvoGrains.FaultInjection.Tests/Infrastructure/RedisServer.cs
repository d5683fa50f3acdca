using EvoGrains.TestSupport;

namespace EvoGrains.FaultInjection.Tests.Infrastructure;

/// <summary>A real redis-server on a free loopback port in a temp folder (no persistence: it outlives every silo).</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private const string RedisServerPath = "/usr/bin/redis-server";

    private readonly string _directory;
    private readonly ChildProcess _process;

    private RedisServer(string directory, int port, ChildProcess process)
    {
        _directory = directory;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(RedisServerPath))
        {
            throw new InvalidOperationException($"{RedisServerPath} is missing; install the redis-server package (the project bootstrap does).");
        }

        var directory = Directory.CreateTempSubdirectory("evograins-faults-redis-").FullName;
        var port = FreeTcpPort.Next();
        var process = ChildProcess.Start(
            RedisServerPath,
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no", "--daemonize", "no"],
            directory);
        var server = new RedisServer(directory, port, process);
        try
        {
            await FreeTcpPort.WaitUntilListeningAsync(port, () => process.HasExited, "redis-server", TimeSpan.FromSeconds(20));
            return server;
        }
        catch (InvalidOperationException exited) when (process.HasExited)
        {
            var output = process.Output;
            await server.DisposeAsync();
            throw new InvalidOperationException($"{exited.Message}{Environment.NewLine}{output}", exited);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
