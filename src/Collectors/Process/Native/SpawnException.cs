namespace RustScope.Collectors.Process.Native;

/// <summary>posix_spawn failed: the program could not be executed (its errno and message).</summary>
internal sealed class SpawnException(int errno, string message) : Exception(message)
{
    public int Errno { get; } = errno;
}
