using System.Text;

namespace RustScope.Cli.Gate;

/// <summary>
/// Text for a writer, kept until <see cref="CopyToTarget"/>: the console table is rendered while the
/// report files are still being written and printed once they are. It passes for its target where a renderer looks
/// (the encoding tells Spectre.Console whether box characters can be drawn; the line ending), so the text is the same.
/// </summary>
internal sealed class DeferredWriter : StringWriter
{
    private readonly TextWriter _target;

    /// <summary>Keeps text for <paramref name="target"/>.</summary>
    public DeferredWriter(TextWriter target)
        : base(target.FormatProvider)
    {
        _target = target;
        NewLine = target.NewLine;
    }

    /// <inheritdoc/>
    public override Encoding Encoding => _target.Encoding;

    /// <summary>Writes what was kept to the target.</summary>
    public void CopyToTarget()
    {
        foreach (var chunk in GetStringBuilder().GetChunks())
        {
            _target.Write(chunk.Span);
        }
    }
}
