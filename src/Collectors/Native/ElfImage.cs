using System.Buffers.Binary;
using System.Text;

namespace RustScope.Collectors.Native;

/// <summary>
/// The function symbols of a 64-bit little-endian ELF file (<c>.symtab</c>, else <c>.dynsym</c>) and its loadable
/// segments, read in RustScope so that nothing runs in the target and no tool is needed for names; whether the file
/// has <c>.debug_line</c> decides if <c>addr2line</c> is asked for file:line.
/// </summary>
internal sealed class ElfImage
{
    private const int SymbolTable = 2;
    private const int DynamicSymbols = 11;
    private const int FunctionSymbol = 2;
    private const int IndirectFunctionSymbol = 10;
    private const uint Loadable = 1;
    private readonly (ulong Address, ulong Size, string Name)[] _functions;
    private readonly (ulong Offset, ulong FileSize, ulong Address)[] _segments;

    private ElfImage((ulong, ulong, string)[] functions, (ulong, ulong, ulong)[] segments, bool hasLineInfo)
    {
        _functions = functions;
        _segments = segments;
        HasLineInfo = hasLineInfo;
    }

    /// <summary>True when the file has line tables (built with <c>-g</c>).</summary>
    public bool HasLineInfo { get; }

    /// <summary>Reads the file; null when it is not a readable 64-bit little-endian ELF file.</summary>
    public static ElfImage? TryRead(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var elf = bytes.AsSpan();
        if (elf.Length < 64 || elf[0] != 0x7f || !elf[1..4].SequenceEqual("ELF"u8) || elf[4] != 2 || elf[5] != 1)
        {
            return null;
        }

        try
        {
            return Parse(elf);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // a truncated or corrupt file: its addresses stay unnamed
        }
    }

    /// <summary>The ELF virtual address at <paramref name="fileOffset"/>, if a loadable segment holds that offset.</summary>
    public ulong? AddressOf(ulong fileOffset)
    {
        foreach (var (offset, size, address) in _segments)
        {
            if (fileOffset >= offset && fileOffset < offset + size)
            {
                return fileOffset - offset + address;
            }
        }

        return null;
    }

    /// <summary>The function containing <paramref name="address"/> (an ELF virtual address), if a symbol covers it.</summary>
    public string? FunctionAt(ulong address)
    {
        int low = 0, high = _functions.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_functions[middle].Address <= address)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found >= 0 && address < _functions[found].Address + Math.Max(_functions[found].Size, 1) ? _functions[found].Name : null;
    }

    private static ElfImage Parse(ReadOnlySpan<byte> elf)
    {
        var programHeaders = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x20..]);
        var sectionHeaders = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        var programSize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x36..]);
        var programCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x38..]);
        var sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3a..]);
        var sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3c..]);
        var namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3e..]);

        var segments = new List<(ulong, ulong, ulong)>();
        for (var i = 0; i < programCount; i++)
        {
            var header = elf.Slice(programHeaders + (i * programSize), programSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) == Loadable)
            {
                segments.Add((BinaryPrimitives.ReadUInt64LittleEndian(header[8..]), BinaryPrimitives.ReadUInt64LittleEndian(header[32..]), BinaryPrimitives.ReadUInt64LittleEndian(header[16..])));
            }
        }

        ReadOnlySpan<byte> Section(ReadOnlySpan<byte> all, int index) => all.Slice(sectionHeaders + (index * sectionSize), sectionSize);
        var sectionNames = Section(elf, namesIndex);
        var namesOffset = (int)BinaryPrimitives.ReadUInt64LittleEndian(sectionNames[24..]);
        var hasLines = false;
        int symtab = -1, dynsym = -1;
        for (var i = 0; i < sectionCount; i++)
        {
            var section = Section(elf, i);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(section[4..]);
            symtab = type == SymbolTable ? i : symtab;
            dynsym = type == DynamicSymbols ? i : dynsym;
            hasLines |= CString(elf, namesOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(section)) == ".debug_line";
        }

        var functions = new List<(ulong, ulong, string)>();
        if ((symtab >= 0 ? symtab : dynsym) is var table and >= 0)
        {
            var section = Section(elf, table);
            var strings = Section(elf, (int)BinaryPrimitives.ReadUInt32LittleEndian(section[40..]));
            var stringsOffset = (int)BinaryPrimitives.ReadUInt64LittleEndian(strings[24..]);
            var offset = (int)BinaryPrimitives.ReadUInt64LittleEndian(section[24..]);
            var size = (int)BinaryPrimitives.ReadUInt64LittleEndian(section[32..]);
            for (var at = offset; at + 24 <= offset + size; at += 24)
            {
                var symbol = elf.Slice(at, 24);
                var kind = symbol[4] & 0xf;
                var value = BinaryPrimitives.ReadUInt64LittleEndian(symbol[8..]);
                if ((kind == FunctionSymbol || kind == IndirectFunctionSymbol) && value != 0)
                {
                    functions.Add((value, BinaryPrimitives.ReadUInt64LittleEndian(symbol[16..]), CString(elf, stringsOffset + (int)BinaryPrimitives.ReadUInt32LittleEndian(symbol))));
                }
            }
        }

        return new ElfImage([.. functions.OrderBy(static f => f.Item1)], [.. segments], hasLines);
    }

    private static string CString(ReadOnlySpan<byte> elf, int offset)
    {
        var end = elf[offset..].IndexOf((byte)0);
        return Encoding.UTF8.GetString(elf.Slice(offset, end < 0 ? elf.Length - offset : end));
    }
}
