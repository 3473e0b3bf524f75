using System.Net;

namespace RustScope.Profiling.Endpoint.Http;

/// <summary>Reads <c>HOST:PORT</c> (<c>127.0.0.1:12345</c>, <c>[::1]:0</c>, <c>0.0.0.0:6060</c>, <c>localhost:6060</c>).</summary>
internal static class ListenAddress
{
    public const string Default = "127.0.0.1:6060";

    /// <exception cref="ArgumentException">The text is not an address and port.</exception>
    public static IPEndPoint Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed["http://".Length..].TrimEnd('/');
        }

        if (trimmed.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = "127.0.0.1" + trimmed["localhost".Length..];
        }

        return IPEndPoint.TryParse(trimmed, out var endpoint) && trimmed.Contains(':', StringComparison.Ordinal) && !trimmed.EndsWith(']')
            ? endpoint
            : throw new ArgumentException($"'{text}' is not HOST:PORT (e.g. 127.0.0.1:6060)", nameof(text));
    }
}
