using System.Diagnostics;
using System.Text;
using EvoGrains.TestSupport;

namespace EvoGrains.Grains.Tests.Fixtures;

/// <summary>A child server process whose output is kept for failure messages and which is always killed on dispose.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private static ServerProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Starts a server and waits until it accepts connections on <paramref name="port"/>; on failure it is killed and its output is in the message.</summary>
    public static async Task<ServerProcess> StartListeningAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, int port, TimeSpan timeout)
    {
        var server = Start(fileName, arguments, workingDirectory);
        try
        {
            await FreeTcpPort.WaitUntilListeningAsync(port, () => server.HasExited, Path.GetFileName(fileName), timeout);
            return server;
        }
        catch (Exception ex)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}{server.Output}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
