using System.Buffers;
using System.Text;
using Scriban.Runtime;

namespace Gongkai.Rendering;

/// <summary>
/// A Scriban output that encodes what a template writes straight into UTF-8, in an array rented from
/// <see cref="ArrayPool{T}.Shared"/> that is handed over with the page. A page made as a string was copied out of the
/// builder into new memory and then encoded again by the writer: on 10,000 reports, 150 MB of strings for the collector.
/// </summary>
internal sealed class Utf8Output : IScriptOutput
{
    private const int FirstSize = 1 << 16;
    private byte[] _buffer = [];
    private int _length;

    // A high surrogate a write ended with, waiting for its low half from the next write.
    private char _held;

    /// <summary>Starts a page in a newly rented array.</summary>
    public void Start()
    {
        _buffer = ArrayPool<byte>.Shared.Rent(FirstSize);
        _length = 0;
        _held = default;
    }

    /// <summary>The page's bytes, in the rented array that now belongs to the caller (see <see cref="Pipelines.Document.Rented"/>).</summary>
    public ArraySegment<byte> Finish()
    {
        if (_held != default)
        {
            Encode([_held]);
        }

        var page = new ArraySegment<byte>(_buffer, 0, _length);
        _buffer = [];
        return page;
    }

    /// <inheritdoc />
    public void Write(string text, int offset, int count)
    {
        var chars = text.AsSpan(offset, count);
        if (chars.IsEmpty)
        {
            return;
        }

        if (_held != default)
        {
            // The pair, whole; or the lone half as the encoder writes any (U+FFFD).
            var whole = char.IsLowSurrogate(chars[0]);
            Encode(whole ? [_held, chars[0]] : [_held]);
            chars = whole ? chars[1..] : chars;
            _held = default;
        }

        if (!chars.IsEmpty && char.IsHighSurrogate(chars[^1]))
        {
            _held = chars[^1];
            chars = chars[..^1];
        }

        Encode(chars);
    }

    /// <summary>Writes text encoded already (a template's own text, see <see cref="TemplateCompiler"/>).</summary>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        if (_held != default)
        {
            Encode([_held]);
            _held = default;
        }

        Reserve(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    // Each write on its own, with no encoder state to carry (an Encoder's Convert cost a twentieth of a large build):
    // only a pair split across two writes needs it, and Write holds its first half back. Room for the most bytes the
    // characters could take, so that they are encoded in one pass.
    private void Encode(ReadOnlySpan<char> chars)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(chars.Length));
        _length += Encoding.UTF8.GetBytes(chars, _buffer.AsSpan(_length));
    }

    private void Reserve(int bytes)
    {
        var room = _length + bytes;
        if (room > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(room, _buffer.Length * 2));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
