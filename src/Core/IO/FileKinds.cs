using System.Runtime.InteropServices;

namespace RustScope.Core.IO;

/// <summary>Reads a path's file type with <c>statx</c>, whose buffer has one layout on every architecture.</summary>
internal static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int RegularFile = 0x8000;
    private const int NoSuchFile = 2;

    /// <summary>The kind of the file <paramref name="path"/> names, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path) ? FileKind.Regular : Directory.Exists(path) ? FileKind.Other : FileKind.Missing;
        }

        var buffer = new byte[256];
        if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == NoSuchFile ? FileKind.Missing : throw new IOException($"cannot inspect {path}: {Marshal.GetPInvokeErrorMessage(error)}");
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            RegularFile => FileKind.Regular,
            CharacterDevice or Fifo => FileKind.Stream,
            _ => FileKind.Other,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
