using System.Text;
using Spectre.Console;

namespace Cases.Client;

/// <summary>A TextWriter onto a Spectre console's own output, for text that is already laid out (help, parse errors).</summary>
public sealed class AnsiConsoleWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    // Written raw: the text is plain and already wrapped, so Spectre must neither parse nor re-wrap it.
    public override void Write(char value) => console.Profile.Out.Writer.Write(value);

    public override void Write(string? value) => console.Profile.Out.Writer.Write(value);

    public override void Flush() => console.Profile.Out.Writer.Flush();
}
