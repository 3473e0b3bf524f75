namespace RustScope.Cli.Live;

/// <summary>How a run shows itself, and where rustscope's own lines (progress, summaries, warnings) go.</summary>
/// <param name="Display">Dashboard, plain lines, or nothing.</param>
/// <param name="Messages">
/// Standard error, as with <c>/usr/bin/time</c>, because the child's stdout may be a binary stream piped on
/// (<c>rustscope run -- xz -c f &gt; f.xz</c>); nowhere under <c>--quiet</c>.
/// </param>
internal sealed record RunView(RunDisplay Display, TextWriter Messages)
{
    /// <summary>The view for <paramref name="display"/>, its lines going to <paramref name="error"/>.</summary>
    public static RunView For(RunDisplay display, TextWriter error) => new(display, display == RunDisplay.Quiet ? TextWriter.Null : error);
}
