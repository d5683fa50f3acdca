using System.Diagnostics;
using System.Text;

namespace EvoGrains.TestSupport;

/// <summary>
/// A child process (server, silo) whose output is kept (tail) for failure messages; Dispose kills its
/// whole tree. <see cref="Run"/> runs a program to completion instead.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int MaxOutputChars = 64_000;

    // Last line of defence: if the test host exits without disposing (aborted run), take the children with it.
    private static readonly HashSet<ChildProcess> Live = [];

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        ChildProcess[] children;
        lock (Live)
        {
            children = [.. Live];
        }

        foreach (var child in children)
        {
            child.Kill();
        }
    };

    private readonly Process process;
    private readonly StringBuilder output = new();
    private bool disposed;

    private ChildProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => disposed || process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = StartInfo(fileName, arguments, workingDirectory, environment);
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        lock (Live)
        {
            Live.Add(child);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a program to completion within <paramref name="timeout"/> (3 minutes by default), capturing both output streams.</summary>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var info = StartInfo(fileName, arguments, workingDirectory, environment);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} did not finish in time");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Starts a server and waits until it accepts connections on <paramref name="port"/>; if it exits or
    /// times out first it is killed and its output is in the message.
    /// </summary>
    public static async Task<ChildProcess> StartListeningAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, int port, TimeSpan timeout)
    {
        var child = Start(fileName, arguments, workingDirectory);
        try
        {
            await FreeTcpPort.WaitUntilListeningAsync(port, () => child.HasExited, Path.GetFileName(fileName), timeout);
            return child;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            var output = child.Output;
            await child.DisposeAsync();
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}{output}", ex);
        }
    }

    /// <summary>SIGKILL to the process tree (kill -9): no shutdown, no deactivation, sockets just close.</summary>
    public void Kill()
    {
        if (disposed)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Reported by the caller's assertions; never hang a test run on a zombie.
        }

        disposed = true;
        lock (Live)
        {
            Live.Remove(this);
        }

        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
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

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
            if (output.Length > MaxOutputChars)
            {
                output.Remove(0, output.Length - MaxOutputChars / 2);
            }
        }
    }
}
