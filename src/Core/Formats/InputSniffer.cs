using System.Text.Unicode;

namespace RustScope.Core.Formats;

/// <summary>Tells JSON, text and binary inputs apart from their first bytes.</summary>
internal static class InputSniffer
{
    private const int Window = 4096;

    public static InputKind Sniff(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, Window)];
        if (IsBinary(head, truncated: data.Length > Window))
        {
            return InputKind.Binary;
        }

        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        foreach (var b in text)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[' ? InputKind.Json : InputKind.Text;
        }

        return data.Length > Window ? InputKind.Text : InputKind.Empty;
    }

    // A serialized pprof profile starts with a field tag and a varint length, bytes below 0x20 that text never holds
    // (0x0a, its first tag, is also '\n', so the bytes after it decide). Invalid UTF-8 is binary too.
    private static bool IsBinary(ReadOnlySpan<byte> head, bool truncated)
    {
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return true;
            }
        }

        // A window cut in the middle of a multi-byte character is still text: drop up to three trailing bytes.
        for (var cut = 0; cut <= (truncated ? 3 : 0) && cut <= head.Length; cut++)
        {
            if (Utf8.IsValid(head[..^cut]))
            {
                return false;
            }
        }

        return true;
    }
}
