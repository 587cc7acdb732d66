using System.Net;
using System.Net.Sockets;

namespace HelpBot.Benchmark;

internal static class FreePort
{
    /// <summary>A loopback port that was free a moment ago (the OS picks it; the child process binds it next).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
