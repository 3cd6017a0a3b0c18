using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Gongkai.Building;

/// <summary>
/// The build cache's binary files (<see cref="SummaryBinary"/>, <see cref="StampBinary"/>, <see cref="RegionBinary"/>):
/// written whole, read whole or not at all. Each ends with a checksum of the rest (XXH3, 64 bits), so a file damaged on
/// disk reads as none and the build starts afresh, instead of keeping files on the word of a wrong record or failing.
/// </summary>
public static class BinaryFile
{
    // Written through a buffer this large; a file read no larger is read into an array of its own.
    private const int Buffer = 1 << 16;

    private const int Checksum = sizeof(ulong);

    /// <summary>Writes a new file at <paramref name="path"/>; one whose writing failed has no checksum and reads as none.</summary>
    public static void Write(string path, Action<BinaryWriter> write)
    {
        using var file = new BufferedFile(path);
        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        file.WriteChecksum();
    }

    /// <summary>
    /// What <paramref name="read"/> makes of the file at <paramref name="path"/>, or null when there is no file, its
    /// checksum does not match (a build stopped while writing it, a file damaged on disk), or it ends early or late.
    /// </summary>
    public static T? Read<T>(string path, Func<BinaryReader, T?> read) where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        // Read whole, the reader takes each string in place, with no call to the stream per field: through a 64 KB buffer,
        // reading the stamp of 10,000 reports (1.9 MB, 21,000 strings) took twice as long. A small file (a region's model,
        // 26 KB; 99 are read after one change on 10,000 reports) is read into an array of its size, a large one into an
        // array of the shared pool, which is neither zeroed nor left to the collector.
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        var pooled = length > Buffer;
        var bytes = pooled ? ArrayPool<byte>.Shared.Rent(checked((int)length)) : new byte[length];
        try
        {
            if (pooled)
            {
                HugePages.Populate(bytes);
            }

            var filled = 0;
            for (int n; filled < length && (n = RandomAccess.Read(file, bytes.AsSpan(filled, (int)length - filled), filled)) > 0;)
            {
                filled += n;
            }

            var body = filled - Checksum;
            if (body < 0 || XxHash3.HashToUInt64(bytes.AsSpan(0, body)) != BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(body, Checksum)))
            {
                return null;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, 0, body, writable: false, publiclyVisible: true));
            var value = read(reader);
            return reader.BaseStream.Position == reader.BaseStream.Length ? value : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
        finally
        {
            if (pooled)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    // A file written from the start through one buffer, hashed on its way out. The writer hands it every field on its own
    // (60,000 for the stamp of 10,000 reports), and a FileStream's layers around its buffer were a third of writing the stamp.
    private sealed class BufferedFile(string path) : Stream
    {
        private readonly SafeFileHandle _file = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(Buffer);
        private readonly XxHash3 _hash = new();
        private int _used;
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > _buffer.Length - _used)
            {
                Flush();
                if (bytes.Length > _buffer.Length)
                {
                    _hash.Append(bytes);
                    RandomAccess.Write(_file, bytes, _written);
                    _written += bytes.Length;
                    return;
                }
            }

            bytes.CopyTo(_buffer.AsSpan(_used));
            _used += bytes.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush()
        {
            if (_used == 0)
            {
                return;
            }

            _hash.Append(_buffer.AsSpan(0, _used));
            RandomAccess.Write(_file, _buffer.AsSpan(0, _used), _written);
            _written += _used;
            _used = 0;
        }

        // The checksum of all written so far, last: only once the whole file has been written.
        public void WriteChecksum()
        {
            Flush();
            Span<byte> checksum = stackalloc byte[Checksum];
            BinaryPrimitives.WriteUInt64LittleEndian(checksum, _hash.GetCurrentHashAsUInt64());
            RandomAccess.Write(_file, checksum, _written);
            _written += Checksum;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                try
                {
                    Flush();
                }
                finally
                {
                    _file.Dispose();
                    ArrayPool<byte>.Shared.Return(_buffer);
                }
            }

            base.Dispose(disposing);
        }
    }
}
