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
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private byte[] _buffer = [];
    private int _length;

    /// <summary>Starts a page in a newly rented array.</summary>
    public void Start()
    {
        _buffer = ArrayPool<byte>.Shared.Rent(FirstSize);
        _length = 0;
        _encoder.Reset();
    }

    /// <summary>The page's bytes, in the rented array that now belongs to the caller (see <see cref="Pipelines.Document.Rented"/>).</summary>
    public ArraySegment<byte> Finish()
    {
        Write("", flush: true);
        var page = new ArraySegment<byte>(_buffer, 0, _length);
        _buffer = [];
        return page;
    }

    /// <inheritdoc />
    public void Write(string text, int offset, int count) => Write(text.AsSpan(offset, count), flush: false);

    /// <inheritdoc />
    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    // Through one encoder, so that a character split across two writes still comes out whole. Room for the most bytes
    // the characters could take, so that they are encoded in one pass.
    private void Write(ReadOnlySpan<char> chars, bool flush)
    {
        var room = _length + Encoding.UTF8.GetMaxByteCount(chars.Length);
        if (room > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(room, _buffer.Length * 2));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        _encoder.Convert(chars, _buffer.AsSpan(_length), flush, out _, out var bytes, out _);
        _length += bytes;
    }
}
