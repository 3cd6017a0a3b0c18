using System.Text;
using Gongkai.Validation;

namespace Gongkai.Input;

/// <summary>Reads input files as UTF-8 (with or without BOM, LF or CRLF), reporting anything else precisely.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Largest input file accepted; larger ones are almost certainly a mistake and would slow every build.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>A file's bytes without a BOM, or null after reporting why they cannot be used (too large, not UTF-8).</summary>
    public static ReadOnlyMemory<byte>? Utf8Bytes(ReadOnlyMemory<byte> raw, string relativePath, DiagnosticBag diagnostics)
    {
        if (raw.Length > MaxFileBytes)
        {
            diagnostics.Error("GK0003", SourceLocation.OfFile(relativePath), $"file is {raw.Length / (1024 * 1024)} MB; input files may be at most 10 MB",
                "split it or move large data out of it");
            return null;
        }

        var content = raw.Span.StartsWith(Encoding.UTF8.Preamble) ? raw[3..] : raw;
        try
        {
            StrictUtf8.GetCharCount(content.Span);
        }
        catch (DecoderFallbackException e)
        {
            var (line, column) = LinePosition(content.Span, e.Index < 0 ? 0 : e.Index);
            diagnostics.Error("GK0002", new SourceLocation(relativePath, line, column), "file is not valid UTF-8", EncodingHint(content.Span));
            return null;
        }

        return content;
    }

    /// <summary>A file's text with line endings normalised to LF, or null after reporting why it cannot be used.</summary>
    public static string? Text(ReadOnlyMemory<byte> raw, string relativePath, DiagnosticBag diagnostics) =>
        Utf8Bytes(raw, relativePath, diagnostics) is { } bytes ? Encoding.UTF8.GetString(bytes.Span).Replace("\r\n", "\n", StringComparison.Ordinal) : null;

    /// <summary>1-based line and column (in characters) of a byte offset in UTF-8 text.</summary>
    public static (int Line, int Column) LinePosition(ReadOnlySpan<byte> utf8, long offset)
    {
        var position = new TextPosition();
        position.AdvanceTo(utf8, offset);
        return (position.Line, position.Column);
    }

    private static string EncodingHint(ReadOnlySpan<byte> content)
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            gb.GetCharCount(content);
            return "it looks like GB18030/GBK (often saved by Word or Excel); save it as UTF-8, e.g. `iconv -f GB18030 -t UTF-8 in > out`";
        }
        catch (DecoderFallbackException)
        {
            return "save the file as UTF-8";
        }
    }
}

/// <summary>
/// A line and column that moves forward through UTF-8 text, so a reader asking for positions in order pays for each
/// byte once rather than rescanning from the start each time.
/// </summary>
public struct TextPosition()
{
    private long _offset;

    /// <summary>1-based line.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>1-based column, in characters.</summary>
    public int Column { get; private set; } = 1;

    /// <summary>Moves to <paramref name="offset"/>; an offset behind the current one starts again from the beginning.</summary>
    public void AdvanceTo(ReadOnlySpan<byte> utf8, long offset)
    {
        if (offset < _offset)
        {
            this = new TextPosition();
        }

        var end = (int)Math.Min(offset, utf8.Length);
        for (var i = (int)_offset; i < end; i++)
        {
            var b = utf8[i];
            if (b == (byte)'\n')
            {
                Line++;
                Column = 1;
            }
            else if ((b & 0xC0) != 0x80)
            {
                Column++;
            }
        }

        _offset = Math.Max(end, _offset);
    }
}
