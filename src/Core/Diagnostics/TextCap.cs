namespace RustScope.Core.Diagnostics;

/// <summary>
/// How much of a text from data (a function, benchmark, target or key name; a sentence that carries one) any
/// human-facing sink shows: the one rule every report, table and message follows, so a 2 MB function name costs a
/// console table, a PR comment or a CI annotation no more than a long ordinary one. Machine-readable outputs (the JSON
/// report, sessions) keep names whole.
/// </summary>
public static class TextCap
{
    /// <summary>Room for a name: the longest generic .NET or C++ signatures seen in real profiles stay whole.</summary>
    public const int Name = 256;

    /// <summary>Room for a sentence or a message that carries names.</summary>
    public const int Line = 2048;

    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="maxLength"/> characters; otherwise its start and its
    /// end around an ellipsis (…), <paramref name="maxLength"/> characters in all: a name's namespace and its method
    /// (with the parameters that tell overloads and benchmark cases apart) both stay. A surrogate pair is never cut.
    /// </summary>
    public static string Of(string text, int maxLength = Name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var tail = (maxLength - 1) / 2;
        var head = maxLength - 1 - tail;
        if (char.IsHighSurrogate(text[head - 1]))
        {
            head--;
        }

        if (tail > 0 && char.IsLowSurrogate(text[^tail]))
        {
            tail--;
        }

        return string.Concat(text.AsSpan(0, head), "…", text.AsSpan(text.Length - tail));
    }
}
