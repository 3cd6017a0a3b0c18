using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Gongkai.Building;
using Gongkai.Pipelines;

namespace Gongkai.Modules;

/// <summary>
/// Writes each document's content (UTF-8, no BOM) or bytes, or copies its file, to the output folder, then drops the
/// content so the rendered page does not stay in memory (returning a rented array to its pool). Files are always new in
/// the staging folder, never truncated and rewritten.
/// </summary>
public sealed class WriteFiles : DocumentModule
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private const int Piece = 1 << 16;

    // Folders already made in this run: most pages have a folder of their own, and asking again costs a system call.
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override Document Execute(Document input, IExecutionContext context)
    {
        var target = Path.Combine(context.OutputRoot, input.Destination);
        if (!Path.GetFullPath(target).StartsWith(Path.GetFullPath(context.OutputRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"destination '{input.Destination}' is outside the output folder");
        }

        // GetOrAdd, not TryAdd-then-create: a second thread must not write into a folder the first has only claimed.
        // (Not CreateDirectory(…).Exists: asking costs a stat per folder.)
        _folders.GetOrAdd(Path.GetDirectoryName(target)!, static folder =>
        {
            Directory.CreateDirectory(folder);
            return true;
        });

        long written;
        if (input.Content is not null || input.Utf8 is not null)
        {
            // A new file: the staging folder is fresh, so a file that exists is a clash between two documents, and a new
            // file needs no truncation (nor preallocation, which cost two more system calls per file).
            written = input.Content is { } content ? Write(target, content) : Write(target, input.Utf8!.Value.Span);
            if (input.Rented is { } rented)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        else if (input.CopyFrom is { } source)
        {
            File.Copy(source, target);
            written = new FileInfo(source).Length;
        }
        else
        {
            throw new InvalidOperationException($"document '{input.Destination}' has neither content nor bytes nor a file to copy");
        }

        return input with { Content = null, Utf8 = null, Rented = null, Written = written };
    }

    private static long Write(string target, ReadOnlySpan<byte> utf8)
    {
        if (!PosixFiles.TryWriteNew(target, utf8))
        {
            using var handle = File.OpenHandle(target, FileMode.CreateNew, FileAccess.Write);
            RandomAccess.Write(handle, utf8, 0);
        }

        return utf8.Length;
    }

    // UTF-8 through one pooled buffer, a piece at a time: a page is one piece, and the site-wide catalogue (megabytes)
    // needs no buffer of its size. A new array per page was 100 MB of garbage on 10,000 reports.
    private static long Write(string target, string content)
    {
        using var handle = File.OpenHandle(target, FileMode.CreateNew, FileAccess.Write);
        var encoder = Utf8.GetEncoder();
        var buffer = ArrayPool<byte>.Shared.Rent(Piece);
        try
        {
            var chars = content.AsSpan();
            long offset = 0;
            bool done;
            do
            {
                encoder.Convert(chars, buffer, flush: true, out var used, out var bytes, out done);
                RandomAccess.Write(handle, buffer.AsSpan(0, bytes), offset);
                offset += bytes;
                chars = chars[used..];
            }
            while (!done);

            return offset;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
