using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Archive;

/// <summary>
/// A SHA-256 over text written line by line: tree hashes and build keys hash a line per input file (20,000 on 10,000
/// reports, several times a build). The lines are gathered as UTF-8 in one buffer and hashed 64 KiB at a time: a string
/// and an array per line were once most of their cost, and then a call into the hash per line. A key per region
/// (hundreds a build, each a few lines) is hashed in one call.
/// </summary>
internal sealed class LineHash : IDisposable
{
    // Rented: a build makes hundreds of these (a key per region), most of them of a few kilobytes.
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private IncrementalHash? _sha;
    private int _used;

    /// <summary>Appends <paramref name="text"/> as UTF-8.</summary>
    public void Append(string text)
    {
        var written = Encoding.UTF8.GetBytes(text, Room(Encoding.UTF8.GetMaxByteCount(text.Length)));
        _used += written;
    }

    /// <summary>Appends one byte (a separator).</summary>
    public void Append(byte separator)
    {
        Room(1)[0] = separator;
        _used++;
    }

    /// <summary>Appends <paramref name="bytes"/> as they are.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Room(bytes.Length));
        _used += bytes.Length;
    }

    /// <summary>Appends <paramref name="value"/> in invariant decimal digits.</summary>
    public void Append(long value)
    {
        value.TryFormat(Room(20), out var written, default, CultureInfo.InvariantCulture);
        _used += written;
    }

    /// <summary>Appends <paramref name="hash"/> in lower-case hex.</summary>
    public void AppendHex(ReadOnlySpan<byte> hash)
    {
        Convert.TryToHexStringLower(hash, Room(2 * hash.Length), out var written);
        _used += written;
    }

    /// <summary>The hash of everything appended, in lower-case hex.</summary>
    public string Finish()
    {
        // What fitted the buffer is hashed in one call, with no hash object to make.
        if (_sha is null)
        {
            return Convert.ToHexStringLower(SHA256.HashData(_buffer.AsSpan(0, _used)));
        }

        Flush();
        return Convert.ToHexStringLower(_sha.GetHashAndReset());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _sha?.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Flush()
    {
        _sha ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _sha.AppendData(_buffer, 0, _used);
        _used = 0;
    }

    // The free end of the buffer, at least bytes long; what it held is hashed first when it is too full.
    private Span<byte> Room(int bytes)
    {
        if (_used + bytes > _buffer.Length)
        {
            Flush();
            if (bytes > _buffer.Length)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(bytes);
            }
        }

        return _buffer.AsSpan(_used);
    }
}
