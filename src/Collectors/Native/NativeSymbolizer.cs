using System.Globalization;

namespace RustScope.Collectors.Native;

/// <summary>Names caller addresses from the maps each image sent and the ELF symbols of the mapped files (each file read once).</summary>
internal sealed class NativeSymbolizer
{
    private readonly Dictionary<string, ElfImage?> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<AddressSpace, ProcessMaps[]> _maps = [];

    /// <summary>The file <paramref name="path"/>'s symbols, read on first use; null when it is not readable ELF.</summary>
    public ElfImage? Image(string path)
    {
        if (!_images.TryGetValue(path, out var image))
        {
            image = ElfImage.TryRead(path);
            _images[path] = image;
        }

        return image;
    }

    public ResolvedFrame Resolve(AddressSpace space, ulong returnAddress)
    {
        if (!_maps.TryGetValue(space, out var maps))
        {
            maps = [.. space.Maps.Select(ProcessMaps.Parse)];
            _maps[space] = maps;
        }

        // A return address points after the call: the call itself is the byte before, which may be another line.
        var call = returnAddress - 1;
        foreach (var map in maps)
        {
            if (map.Find(call) is { } mapping)
            {
                var module = System.IO.Path.GetFileName(mapping.Path);
                var fileOffset = call - mapping.Start + mapping.Offset;
                var image = Image(mapping.Path);
                var address = image?.AddressOf(fileOffset);
                var name = address is { } a ? image!.FunctionAt(a) : null;
                return new ResolvedFrame(name ?? $"{module}+0x{fileOffset.ToString("x", CultureInfo.InvariantCulture)}", module, mapping.Path, address);
            }
        }

        return new ResolvedFrame($"0x{returnAddress.ToString("x", CultureInfo.InvariantCulture)}", null, null, null);
    }
}
