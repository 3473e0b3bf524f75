namespace RustScope.Collectors.Native;

/// <summary>A caller address as RustScope names it: the function, the file it is in and its address in that file.</summary>
/// <param name="Name">The function, or <c>module+0xOFFSET</c> (or the bare address) when no symbol covers it.</param>
/// <param name="Module">The file's name, when the address is in a mapped file.</param>
/// <param name="Path">The file's path, when the address is in a mapped file.</param>
/// <param name="Address">The call's ELF virtual address in that file (the return address minus one), when known.</param>
internal readonly record struct ResolvedFrame(string Name, string? Module, string? Path, ulong? Address);
