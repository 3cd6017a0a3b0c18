using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Archive;

/// <summary>
/// A SHA-256 over text written line by line: tree hashes and build keys hash a line per input file (20,000 on 10,000
/// reports, several times a build). The lines are gathered as UTF-8 in one buffer and hashed 64 KiB at a time: a string
/// and an array per line were once most of their cost, and then a call into the hash per line.
/// </summary>
internal sealed class LineHash : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _buffer = new byte[1 << 16];
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
        value.TryFormat(Room(20), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
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
        _sha.AppendData(_buffer, 0, _used);
        _used = 0;
        return Convert.ToHexStringLower(_sha.GetHashAndReset());
    }

    /// <inheritdoc />
    public void Dispose() => _sha.Dispose();

    // The free end of the buffer, at least bytes long; what it held is hashed first when it is too full.
    private Span<byte> Room(int bytes)
    {
        if (_used + bytes > _buffer.Length)
        {
            _sha.AppendData(_buffer, 0, _used);
            _used = 0;
            if (bytes > _buffer.Length)
            {
                _buffer = new byte[bytes];
            }
        }

        return _buffer.AsSpan(_used);
    }
}
