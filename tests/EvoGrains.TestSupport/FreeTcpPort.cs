using System.Net;
using System.Net.Sockets;

namespace EvoGrains.TestSupport;

/// <summary>
/// Loopback ports for servers the tests start. A port comes from below the OS's ephemeral range (so the OS does not hand
/// it to an outgoing connection between this call and the server's bind, as it may a port it chose for port 0), is
/// verified free by binding it, and is handed out once per process, so two callers never get the same one. Each process
/// starts at its own place in the range, so parallel test processes rarely try the same ports.
/// </summary>
public static class FreeTcpPort
{
    // Below Linux's default ephemeral range (32768-60999) and above the well-known and most registered services.
    private const int First = 20_000;
    private const int Count = 12_000;

    private static readonly Lock Gate = new();
    private static readonly HashSet<int> HandedOut = [];
    private static int next = Environment.ProcessId * 97 % Count;

    public static int Next()
    {
        lock (Gate)
        {
            for (var tried = 0; tried < Count; tried++)
            {
                var port = First + next;
                next = (next + 1) % Count;
                if (!HandedOut.Contains(port) && CanBind(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port in {First}-{First + Count - 1}");
    }

    public static async Task WaitUntilListeningAsync(int port, Func<bool> hasExited, string serverName, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (hasExited())
            {
                throw new InvalidOperationException($"{serverName} exited before listening on port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{serverName} did not listen on port {port} within {timeout}.");
    }

    // Binds the port itself (no address reuse), so a port a listener or a lingering connection holds is refused.
    private static bool CanBind(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            if (OperatingSystem.IsWindows())
            {
                socket.ExclusiveAddressUse = true;
            }

            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
