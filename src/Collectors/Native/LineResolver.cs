using System.Diagnostics;
using System.Globalization;
using RustScope.Collectors.Process;

namespace RustScope.Collectors.Native;

/// <summary>
/// File:line of code addresses through binutils' <c>addr2line</c> (one call per file, every address at once), for
/// files with line tables; without addr2line on the PATH, sites keep their function names only.
/// </summary>
internal static class LineResolver
{
    private static readonly string? Addr2Line = CommandResolver.Resolve("addr2line", Environment.GetEnvironmentVariable("PATH"));

    /// <summary>True when addr2line is installed.</summary>
    public static bool Available => Addr2Line is not null;

    /// <summary><c>file.c:14</c> for each address (ELF virtual addresses of <paramref name="path"/>), or null where unknown.</summary>
    public static IReadOnlyList<string?> Resolve(string path, IReadOnlyList<ulong> addresses)
    {
        var locations = new string?[addresses.Count];
        if (Addr2Line is null || addresses.Count == 0)
        {
            return locations;
        }

        var start = new ProcessStartInfo(Addr2Line) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(path);
        using var tool = System.Diagnostics.Process.Start(start)!;
        var errors = tool.StandardError.ReadToEndAsync();
        var output = tool.StandardOutput.ReadToEndAsync();
        foreach (var address in addresses)
        {
            tool.StandardInput.WriteLine(address.ToString("x", CultureInfo.InvariantCulture));
        }

        tool.StandardInput.Close();
        var lines = output.GetAwaiter().GetResult().Split('\n');
        _ = errors.GetAwaiter().GetResult();
        tool.WaitForExit();
        for (var i = 0; i < addresses.Count && i < lines.Length; i++)
        {
            // "/src/leak.c:14 (discriminator 3)", "??:0", "leak.c:?"
            var text = lines[i].Split(" (", 2)[0].Trim();
            var colon = text.LastIndexOf(':');
            locations[i] = colon > 0 && !text.StartsWith("??", StringComparison.Ordinal) && int.TryParse(text[(colon + 1)..], CultureInfo.InvariantCulture, out var line) && line > 0
                ? $"{Path.GetFileName(text[..colon])}:{line.ToString(CultureInfo.InvariantCulture)}"
                : null;
        }

        return locations;
    }
}
