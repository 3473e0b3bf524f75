using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RustScope.Profiling.Endpoint.Http;

/// <summary>
/// Who may read profiles: with a token, whoever presents it; else, when an authorization policy guards the routes, whoever
/// it admits; else only clients on the loopback interface (a profile shows the service's code and data shapes).
/// </summary>
internal sealed class EndpointAccess(string? token, bool guardedByPolicy)
{
    // Hashes compared in constant time: equal lengths whatever the token, so neither its content nor its length leaks.
    private readonly byte[]? _tokenHash = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Null when the request may go on; else why it may not.</summary>
    public string? Refusal(HttpContext context)
    {
        if (_tokenHash is not null)
        {
            var header = context.Request.Headers.Authorization.ToString();
            const string scheme = "Bearer ";
            var presented = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
            return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _tokenHash)
                ? null
                : "a bearer token is required (Authorization: Bearer TOKEN)";
        }

        if (guardedByPolicy || context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote))
        {
            return null;
        }

        return "the profiling routes answer only loopback clients unless a token or an authorization policy is configured";
    }
}
