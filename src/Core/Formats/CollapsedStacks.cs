using System.Globalization;
using System.Text;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// Brendan Gregg's collapsed ("folded") stacks: one line per distinct stack, <c>root;child;leaf weight</c>, the input
/// of flamegraph.pl and inferno. Frame names lose <c>;</c> and line breaks, which the format cannot carry.
/// </summary>
public static class CollapsedStacks
{
    /// <summary>Writes the stacks, one line each, sorted so equal sessions give equal files; zero weights are left out.</summary>
    public static string Write(StackProfile stacks)
    {
        var lines = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var sample in stacks.Samples)
        {
            var weight = (long)Math.Round(sample.Weight);
            if (weight <= 0 || sample.Stack.Count == 0)
            {
                continue;
            }

            // Two stacks can fold to one line once names are sanitised; their weights add up.
            var folded = string.Join(';', sample.Stack.Select(index => Sanitise(stacks.Frames[index].Name)));
            lines[folded] = lines.GetValueOrDefault(folded) + weight;
        }

        var text = new StringBuilder();
        foreach (var (folded, weight) in lines)
        {
            text.Append(folded).Append(' ').Append(weight.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads folded stacks; <paramref name="sourceName"/> names the input in errors.</summary>
    /// <exception cref="InputException">A line lacks its weight or has an empty frame.</exception>
    public static StackProfile Parse(TextReader reader, string sourceName)
    {
        var frames = new List<StackFrame>();
        var frameIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = new List<StackSample>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space <= 0 || !long.TryParse(line.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var weight))
            {
                throw new InputException(new Diagnostic(sourceName, lineNumber, Math.Max(space + 2, 1), DiagnosticCodes.CollapsedInvalid,
                    "expected 'frame;frame;... weight' with a whole-number weight at the end of the line"));
            }

            var names = line[..space].Split(';');
            var stack = new int[names.Length];
            var column = 1;
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i].Length == 0)
                {
                    throw new InputException(new Diagnostic(sourceName, lineNumber, column, DiagnosticCodes.CollapsedInvalid, "empty frame name"));
                }

                if (!frameIndex.TryGetValue(names[i], out stack[i]))
                {
                    stack[i] = frames.Count;
                    frameIndex.Add(names[i], frames.Count);
                    frames.Add(new StackFrame { Name = names[i] });
                }

                column += names[i].Length + 1;
            }

            samples.Add(new StackSample { Stack = stack, Weight = weight });
        }

        return new StackProfile { Unit = "samples", Frames = frames, Samples = samples };
    }

    private static string Sanitise(string name)
    {
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            clean.Append(c switch
            {
                ';' => ':',
                '\n' or '\r' or '\t' => ' ',
                _ when char.IsControl(c) => '?',
                _ => c,
            });
        }

        return clean.Length == 0 ? "?" : clean.ToString();
    }
}
