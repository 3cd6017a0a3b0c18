using System.Runtime.InteropServices;
using System.Text;

namespace Gongkai.Building;

/// <summary>
/// Sizes and modification times of the files and folders under one folder, each looked up by its path relative to the
/// folder's open handle (<c>statx</c>) on Linux: a lookup by full path walks every folder above that one again, and the
/// 20,000 lookups a rebuild of 10,000 reports makes (its input's files, its output's folders) spent a third of their time
/// on those walks. Where this is not available, <see cref="Open"/> gives null (and <see cref="TryListFiles"/> false),
/// and callers ask .NET.
/// </summary>
internal sealed class FolderStat : IDisposable
{
    private const int ReadOnly = 0, CloseOnExec = 0x80000, PathOnly = 0x200000; // Linux's values on x64 and arm64
    private static readonly int Folder = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x4000 : 0x10000; // O_DIRECTORY
    private const uint SizeAndModified = 0x200 | 0x40; // STATX_SIZE | STATX_MTIME
    private const uint KindSizeAndModified = SizeAndModified | 0x1; // and STATX_TYPE
    private const byte KindFolder = 4; // d_type's DT_DIR
    private const int KindMask = 0xF000, FolderKind = 0x4000; // S_IFMT, S_IFDIR
    private const int DeepestFolder = 64;
    // Bytes on the stack for a path's UTF-8, zeroed on every lookup (20,000 on a rebuild of 10,000 reports): a name or a
    // path below the output folder fits; a longer one gets an array.
    private const int PathBuffer = 256;

    private static bool s_usable = OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    private readonly int _folder;

    private FolderStat(int folder) => _folder = folder;

    /// <summary>Opens the folder at <paramref name="path"/>; null where it cannot be opened, or lookups relative to it are not available.</summary>
    public static FolderStat? Open(string path)
    {
        if (!s_usable)
        {
            return null;
        }

        try
        {
            var folder = open(path, ReadOnly | CloseOnExec, 0);
            return folder < 0 ? null : new FolderStat(folder);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_usable = false;
            return null;
        }
    }

    /// <summary>
    /// Opens the folder at <paramref name="relative"/> (a link followed) to look up what is in it by name: from there a
    /// lookup walks no folder above it. Null when it cannot be opened.
    /// </summary>
    public FolderStat? OpenFolder(ReadOnlySpan<char> relative)
    {
        if (!s_usable)
        {
            return null;
        }

        var path = Utf8Path(relative, stackalloc byte[PathBuffer]);
        var folder = openat(_folder, ref path[0], PathOnly | Folder | CloseOnExec, 0);
        return folder < 0 ? null : new FolderStat(folder);
    }

    /// <summary>
    /// The size and modification time (UTC ticks, as .NET gives them) of the file or folder at <paramref name="relative"/>
    /// (links followed; "." for the folder itself). False when there is none, or it cannot be looked up this way.
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> relative, out long length, out long modified)
    {
        (length, modified) = (0, 0);
        if (!s_usable)
        {
            return false;
        }

        var path = Utf8Path(relative, stackalloc byte[PathBuffer]);
        try
        {
            var found = new Statx();
            if (statx(_folder, ref path[0], 0, SizeAndModified, ref found) != 0 || (found.Mask & SizeAndModified) != SizeAndModified)
            {
                return false;
            }

            length = (long)found.Size;
            modified = Ticks(found);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_usable = false;
            return false;
        }
    }

    /// <summary>
    /// Adds to <paramref name="files"/> every file in <paramref name="folder"/> (at every depth when <paramref name="recurse"/>),
    /// each named <paramref name="prefix"/> and its path from there, with its size and modification time: each read from
    /// its folder's handle as the folder is read, one name to look up (a link followed; a link to a folder is a folder).
    /// The .NET listing that did this asked the kernel the same and half again as much besides (a third of a rebuild's
    /// listing of 9,500 files). False, with <paramref name="files"/> as it may be, where this is not available or anything
    /// could not be read: the caller lists the folder with .NET, which says why.
    /// </summary>
    public static bool TryListFiles(string folder, string prefix, bool recurse, List<Input.ListedFile> files)
    {
        if (!s_usable)
        {
            return false;
        }

        try
        {
            var handle = open(folder, ReadOnly | Folder | CloseOnExec, 0);
            return handle >= 0 && List(handle, prefix, recurse ? DeepestFolder : 0, files);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_usable = false;
            return false;
        }
    }

    // Lists the open folder handle (closed here), and the folders in it while depth is left.
    private static bool List(int handle, string prefix, int depth, List<Input.ListedFile> files)
    {
        var stream = fdopendir(handle);
        if (stream == 0)
        {
            _ = close(handle);
            return false;
        }

        try
        {
            // struct dirent on 64-bit Linux (glibc): d_ino, d_off, d_reclen, then d_type at 18 and d_name (ended by a zero) at 19.
            for (var entry = readdir(stream); entry != 0; entry = readdir(stream))
            {
                var name = entry + 19;
                if (Marshal.ReadByte(name) == '.' && (Marshal.ReadByte(name, 1) == 0 || (Marshal.ReadByte(name, 1) == '.' && Marshal.ReadByte(name, 2) == 0)))
                {
                    continue;
                }

                // A folder needs no lookup; anything else is looked up, a link followed to what it names.
                var kind = Marshal.ReadByte(entry, 18);
                var found = new Statx();
                if (kind != KindFolder && statx(dirfd(stream), name, 0, KindSizeAndModified, ref found) != 0)
                {
                    return false;
                }

                var relative = prefix + Marshal.PtrToStringUTF8(name);
                if (kind != KindFolder && (found.Mode & KindMask) != FolderKind)
                {
                    files.Add(new Input.ListedFile(relative, (long)found.Size, Ticks(found)));
                }
                else if (depth > 0)
                {
                    var inner = openat(dirfd(stream), name, ReadOnly | Folder | CloseOnExec, 0);
                    if (inner < 0 || !List(inner, relative + "/", depth - 1, files))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
        finally
        {
            _ = closedir(stream);
        }
    }

    // The path in UTF-8, ended by a zero byte, as the C library takes it: in buffer when it fits.
    private static Span<byte> Utf8Path(ReadOnlySpan<char> relative, Span<byte> buffer)
    {
        var max = Encoding.UTF8.GetMaxByteCount(relative.Length) + 1;
        var path = max <= buffer.Length ? buffer : new byte[max];
        path[Encoding.UTF8.GetBytes(relative, path)] = 0;
        return path;
    }

    private static long Ticks(in Statx found) =>
        DateTime.UnixEpoch.Ticks + (found.ModifiedSeconds * TimeSpan.TicksPerSecond) + (found.ModifiedNanoseconds / TimeSpan.NanosecondsPerTick);

    /// <inheritdoc />
    public void Dispose() => _ = close(_folder);

    // The kernel's struct statx, the same on every architecture; only the fields read here are named.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(0)] public uint Mask;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long ModifiedSeconds;
        [FieldOffset(120)] public uint ModifiedNanoseconds;
    }

    // DllImport, not LibraryImport: the built-in marshalling converts the folder's path to UTF-8, with no generated source
    // and no unsafe code to allow for it.
    [DllImport("libc")]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc")]
    private static extern int statx(int folder, ref byte path, int flags, uint mask, ref Statx found);

    [DllImport("libc")]
    private static extern int statx(int folder, nint path, int flags, uint mask, ref Statx found);

    [DllImport("libc")]
    private static extern int close(int file);

    [DllImport("libc")]
    private static extern int openat(int folder, nint path, int flags, int mode);

    [DllImport("libc")]
    private static extern int openat(int folder, ref byte path, int flags, int mode);

    [DllImport("libc")]
    private static extern nint fdopendir(int folder);

    [DllImport("libc")]
    private static extern nint readdir(nint stream);

    [DllImport("libc")]
    private static extern int dirfd(nint stream);

    [DllImport("libc")]
    private static extern int closedir(nint stream);
}
