namespace RustScope.Cli.Show;

/// <summary>Label and value pairs, the values lined up after the longest label.</summary>
internal static class LabelledLines
{
    public static void Write(TextWriter output, IReadOnlyCollection<(string Label, string Value)> lines)
    {
        var width = lines.Max(l => l.Label.Length);
        foreach (var (label, value) in lines)
        {
            output.WriteLine($"  {label.PadRight(width)}  {value}");
        }
    }
}
