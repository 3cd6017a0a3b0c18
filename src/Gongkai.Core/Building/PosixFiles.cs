using System.Runtime.InteropServices;

namespace Gongkai.Building;

/// <summary>
/// Whole files read and written with three system calls each (open, read or write, close), through the C library on
/// Linux (x64, arm64): a .NET file handle also asks the kernel for the file's type (fstat) or whether it can seek
/// (lseek), one call more per file, 20,000 on 10,000 reports, each dear on a virtual machine. Where the C library is not
/// there, or a call fails, the caller does the same with .NET's own calls, which also give the error.
/// </summary>
internal static class PosixFiles
{
    // Linux's values on x64 and arm64 (other architectures number some of these flags otherwise).
    private const int ReadOnly = 0, WriteOnly = 0x1, Create = 0x40, Exclusive = 0x80, CloseOnExec = 0x80000;
    private const int NewFileMode = 0x1b6; // 0666, less the umask, as .NET creates files

    private static bool s_usable = OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>
    /// Reads the file at <paramref name="path"/> from its start into <paramref name="buffer"/> with one read: how many bytes
    /// came (fewer than the buffer holds when the file is shorter), or -1 when the file could not be read this way.
    /// </summary>
    public static int Read(string path, Span<byte> buffer)
    {
        if (!s_usable)
        {
            return -1;
        }

        try
        {
            var file = open(path, ReadOnly | CloseOnExec, 0);
            if (file < 0)
            {
                return -1;
            }

            var read = pread(file, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length, 0);
            _ = close(file);
            return read < 0 ? -1 : (int)read;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_usable = false;
            return -1;
        }
    }

    /// <summary>
    /// Creates the file at <paramref name="path"/>, which must not exist yet, with <paramref name="bytes"/>. False when it
    /// could not (the file exists, its folder does not, the disk is full …), with no file of its own left behind.
    /// </summary>
    public static bool TryWriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        if (!s_usable)
        {
            return false;
        }

        try
        {
            var file = open(path, WriteOnly | Create | Exclusive | CloseOnExec, NewFileMode);
            if (file < 0)
            {
                return false;
            }

            var left = bytes;
            while (!left.IsEmpty && write(file, ref MemoryMarshal.GetReference(left), (nuint)left.Length) is var written and > 0)
            {
                left = left[(int)written..];
            }

            if (close(file) == 0 && left.IsEmpty)
            {
                return true;
            }

            _ = unlink(path);
            return false;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_usable = false;
            return false;
        }
    }

    // DllImport, not LibraryImport: the built-in marshalling converts the one argument that needs it (the path, to UTF-8),
    // with no generated source and no unsafe code to allow for it.
    [DllImport("libc")]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libc")]
    private static extern nint pread(int file, ref byte buffer, nuint count, long offset);

    [DllImport("libc")]
    private static extern nint write(int file, ref byte buffer, nuint count);

    [DllImport("libc")]
    private static extern int close(int file);

    [DllImport("libc")]
    private static extern int unlink([MarshalAs(UnmanagedType.LPUTF8Str)] string path);
}
