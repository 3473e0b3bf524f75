using System.Buffers;

namespace RustScope.Reporters.JUnit;

/// <summary>
/// The XML that <see cref="System.Xml.XmlWriter"/> writes with <c>Indent</c> and <c>"\n"</c> line breaks, byte for byte,
/// for what a JUnit report is made of: elements with attributes, and text only in elements without children. It checks
/// nothing: names are the reporter's own, and texts are already legal (<see cref="Escaping.XmlCharacters"/>). XmlWriter's
/// name, state and namespace checks on each of 70 000 test cases took about as long as formatting their numbers.
/// </summary>
/// <param name="output">Where the document goes.</param>
internal sealed class IndentedXmlWriter(TextWriter output)
{
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("<>&\r");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("<>&\"\n\r\t");

    private readonly Stack<string> _open = new();
    private bool _tagOpen;
    private bool _hasText;

    /// <summary>The XML declaration, naming the encoding the document is written in (none when null).</summary>
    public void Declaration(string? encoding) =>
        output.Write(encoding is null ? "<?xml version=\"1.0\"?>" : $"<?xml version=\"1.0\" encoding=\"{encoding}\"?>");

    /// <summary>Starts an element on a line of its own, indented two spaces a level.</summary>
    public void StartElement(string name)
    {
        CloseTag();
        output.Write('\n');
        Indent(_open.Count);
        output.Write('<');
        output.Write(name);
        _open.Push(name);
        _tagOpen = true;
    }

    /// <summary>An attribute of the element just started.</summary>
    public void Attribute(string name, string value)
    {
        output.Write(' ');
        output.Write(name);
        output.Write("=\"");
        Escaped(value, attribute: true);
        output.Write('"');
    }

    /// <summary>Text of the element just started: its end tag then follows it on the same line.</summary>
    public void Text(string text)
    {
        _hasText = true;
        if (text.Length > 0)
        {
            CloseTag();
            Escaped(text, attribute: false);
        }
    }

    /// <summary>An element that holds only <paramref name="text"/>.</summary>
    public void TextElement(string name, string text)
    {
        StartElement(name);
        Text(text);
        EndElement();
    }

    /// <summary>Ends the innermost open element: <c> /&gt;</c> when it holds nothing.</summary>
    public void EndElement()
    {
        var name = _open.Pop();
        if (_tagOpen)
        {
            output.Write(" />");
            _tagOpen = false;
        }
        else
        {
            if (!_hasText)
            {
                output.Write('\n');
                Indent(_open.Count);
            }

            output.Write("</");
            output.Write(name);
            output.Write('>');
        }

        _hasText = false;
    }

    private void CloseTag()
    {
        if (_tagOpen)
        {
            output.Write('>');
            _tagOpen = false;
        }
    }

    private void Indent(int level)
    {
        for (var i = 0; i < level; i++)
        {
            output.Write("  ");
        }
    }

    // XmlWriter's escapes: markup always; in attributes the quote and the whitespace that attribute normalization would
    // lose; in text, line breaks become "\n".
    private void Escaped(ReadOnlySpan<char> text, bool attribute)
    {
        var specials = attribute ? AttributeSpecials : TextSpecials;
        int next;
        while ((next = text.IndexOfAny(specials)) >= 0)
        {
            output.Write(text[..next]);
            var c = text[next];
            output.Write(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\n' => "&#xA;",
                '\t' => "&#x9;",
                _ => attribute ? "&#xD;" : "\n",
            });

            // In text, a carriage return and the line feed after it are one line break.
            var crlf = !attribute && c == '\r' && next + 1 < text.Length && text[next + 1] == '\n';
            text = text[(next + (crlf ? 2 : 1))..];
        }

        output.Write(text);
    }
}
