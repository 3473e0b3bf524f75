using System.Text;

namespace RustScope.Cli;

/// <summary>
/// Splits a command given as one string (<c>--base-cmd "dotnet app.dll --n 3"</c>) into arguments the way a POSIX
/// shell would tokenise it — single and double quotes, backslash escapes — without expanding anything: no
/// variables, globs, pipes or redirections. The result is executed directly, never by a shell.
/// </summary>
internal static class CommandLineSplitter
{
    /// <exception cref="FormatException">A quote is not closed or the line ends in a lone backslash.</exception>
    public static IReadOnlyList<string> Split(string commandLine)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var inArgument = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            switch (c)
            {
                case ' ' or '\t' or '\n':
                    if (inArgument)
                    {
                        arguments.Add(current.ToString());
                        current.Clear();
                        inArgument = false;
                    }

                    break;
                case '\'':
                    var close = commandLine.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException($"unclosed single quote at column {i + 1}");
                    }

                    current.Append(commandLine, i + 1, close - i - 1);
                    i = close;
                    inArgument = true;
                    break;
                case '"':
                    i = ReadDoubleQuoted(commandLine, i, current);
                    inArgument = true;
                    break;
                case '\\':
                    current.Append(i + 1 < commandLine.Length ? commandLine[++i] : throw new FormatException("the command ends in a lone backslash"));
                    inArgument = true;
                    break;
                default:
                    current.Append(c);
                    inArgument = true;
                    break;
            }
        }

        if (inArgument)
        {
            arguments.Add(current.ToString());
        }

        return arguments;
    }

    private static int ReadDoubleQuoted(string text, int open, StringBuilder into)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    return i;
                case '\\' when i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`':
                    into.Append(text[++i]);
                    break;
                default:
                    into.Append(text[i]);
                    break;
            }
        }

        throw new FormatException($"unclosed double quote at column {open + 1}");
    }
}
