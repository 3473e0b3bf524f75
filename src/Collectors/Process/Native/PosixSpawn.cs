using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RustScope.Collectors.Process.Native;

/// <summary>
/// Starts a program with posix_spawn, so that rustscope, not the .NET runtime, is the one to reap it: only the
/// reaper's wait4 gets the kernel's exact accounting of the child and of every descendant it reaped.
/// </summary>
internal static unsafe partial class PosixSpawn
{
    // glibc's posix_spawn_file_actions_t is 80 bytes and posix_spawnattr_t 336 on 64-bit targets: room for both.
    private const int OpaqueSize = 1024;
    private const int SigSetBytes = 128;
    private const short SetSignalDefaults = 0x04;
    private const short SetSignalMask = 0x08;
    private const int SigPipe = 13;
    private const int SigCancel = 32;
    private const int SigSetXid = 33;
    private const int OWriteOnly = 0x1;
    private const int OCreate = 0x40;
    private const int OTruncate = 0x200;
    private const int OAppend = 0x400;

    /// <summary>
    /// Spawns <paramref name="path"/> with the given argv and environment. stdout and stderr are inherited, or both
    /// written to <paramref name="outputLog"/> when it is given, emptied first and appended to by both so their lines
    /// interleave as written (the child writes the file itself: nothing of rustscope stands between the program and
    /// its output, and a daemon that keeps it open keeps nobody waiting). Returns the pid and the Stopwatch timestamp taken just
    /// before the spawn, or throws with the errno's message. <paramref name="inherited"/> hands descriptors to the
    /// child at the numbers given (each From duplicated to To; the sources must not be among the targets).
    /// </summary>
    public static (int Pid, long Timestamp) Spawn(string path, IReadOnlyList<string> argv, IReadOnlyList<string> environment, string workingDirectory, string? outputLog, IReadOnlyList<(int From, int To)>? inherited = null)
    {
        var actions = NativeMemory.AllocZeroed(OpaqueSize);
        var attributes = NativeMemory.AllocZeroed(OpaqueSize);
        var strings = new List<nint>();
        try
        {
            Check(posix_spawn_file_actions_init(actions));
            Check(posix_spawnattr_init(attributes));
            Check(posix_spawn_file_actions_addchdir_np(actions, Utf8(workingDirectory, strings)));
            if (outputLog is not null)
            {
                Check(posix_spawn_file_actions_addopen(actions, 1, Utf8(outputLog, strings), OWriteOnly | OCreate | OTruncate | OAppend, 0x1A4 /* 0644 */));
                Check(posix_spawn_file_actions_adddup2(actions, 1, 2));
            }

            foreach (var (from, to) in inherited ?? [])
            {
                // dup2 clears close-on-exec on the copy: the child keeps it across exec.
                Check(posix_spawn_file_actions_adddup2(actions, from, to));
            }

            // The runtime ignores SIGPIPE and an ignored signal survives exec: `yes | head` would then see EPIPE instead
            // of dying as it does in a shell. Handled signals (SIGINT, SIGTERM…) are reset by exec anyway; ones this
            // process inherited as ignored (nohup) stay ignored, as they would without rustscope.
            var defaults = stackalloc byte[SigSetBytes];
            var mask = stackalloc byte[SigSetBytes];
            Check(sigemptyset(defaults));
            Check(sigaddset(defaults, SigPipe));

            // glibc marks its two internal signals (32, 33) ignored in the child before exec, and sigaddset refuses
            // them: set their bits directly (bit N-1 of the set), so a program not linked to glibc gets the defaults.
            defaults[(SigCancel - 1) / 8] |= 1 << ((SigCancel - 1) % 8);
            defaults[(SigSetXid - 1) / 8] |= 1 << ((SigSetXid - 1) % 8);
            Check(sigemptyset(mask));
            Check(posix_spawnattr_setsigdefault(attributes, defaults));
            Check(posix_spawnattr_setsigmask(attributes, mask));
            Check(posix_spawnattr_setflags(attributes, SetSignalDefaults | SetSignalMask));

            var argvArray = NullTerminated(argv, strings);
            var envArray = NullTerminated(environment, strings);
            try
            {
                int pid;
                var file = Utf8(path, strings);
                var timestamp = Stopwatch.GetTimestamp();
                var error = posix_spawn(&pid, file, actions, attributes, argvArray, envArray);
                return error == 0 ? (pid, timestamp) : throw new SpawnException(error, Marshal.GetPInvokeErrorMessage(error));
            }
            finally
            {
                NativeMemory.Free(argvArray);
                NativeMemory.Free(envArray);
            }
        }
        finally
        {
            _ = posix_spawn_file_actions_destroy(actions);
            _ = posix_spawnattr_destroy(attributes);
            NativeMemory.Free(actions);
            NativeMemory.Free(attributes);
            foreach (var text in strings)
            {
                Marshal.FreeCoTaskMem(text);
            }
        }
    }

    private static void Check(int error)
    {
        if (error != 0)
        {
            // The sigset helpers return -1 and set errno; the posix_spawn family returns the error number itself.
            var code = error == -1 ? Marshal.GetLastPInvokeError() : error;
            throw new SpawnException(code, Marshal.GetPInvokeErrorMessage(code));
        }
    }

    private static byte* Utf8(string text, List<nint> owned)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(text);
        owned.Add(pointer);
        return (byte*)pointer;
    }

    private static byte** NullTerminated(IReadOnlyList<string> texts, List<nint> owned)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(texts.Count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < texts.Count; i++)
        {
            array[i] = Utf8(texts[i], owned);
        }

        return array;
    }

    [LibraryImport("libc")]
    private static partial int posix_spawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_addchdir_np(void* actions, byte* path);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_addopen(void* actions, int descriptor, byte* path, int flags, int mode);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_adddup2(void* actions, int descriptor, int newDescriptor);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigdefault(void* attributes, byte* signals);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigmask(void* attributes, byte* signals);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sigemptyset(byte* set);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sigaddset(byte* set, int signal);
}
