using System.Buffers.Binary;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// The first bytes a runtime writes on each connection to a <c>connect</c> diagnostic port: "ADVR_V1\0", the runtime's
/// cookie (a GUID), its pid (64-bit little-endian) and two reserved bytes (dotnet/diagnostics, ipc-protocol.md).
/// </summary>
internal static class RuntimeAdvertisement
{
    public const int Length = 34;
    private static ReadOnlySpan<byte> Magic => "ADVR_V1\0"u8;

    /// <summary>The advertising runtime's pid, or null when the bytes are not an advertisement.</summary>
    public static int? Pid(ReadOnlySpan<byte> advertisement) =>
        advertisement.Length >= Length && advertisement.StartsWith(Magic)
            ? (int)BinaryPrimitives.ReadUInt64LittleEndian(advertisement[24..32])
            : null;
}
