using System.Globalization;
using System.Runtime.InteropServices;

namespace Gongkai.Building;

/// <summary>
/// Asks Linux to back the collector's heap with transparent huge pages (2 MiB) where the system leaves that to each
/// process (mode <c>madvise</c>). A build is short and allocates tens of megabytes of fresh memory, and each 4 KiB page
/// of it faulted in one by one was a fifth of a rebuild after one change (on 10,000 reports: 16,000 faults).
/// Nothing happens elsewhere, or when anything about it fails: it only changes how fast memory comes. Large arrays about
/// to be filled are faulted in ahead, in one call each (<see cref="Populate"/>).
/// </summary>
public static class HugePages
{
    private const int MadvHugePage = 14, MadvDoDump = 17, MadvPopulateWrite = 23, MadvCollapse = 25, PageSize = 4096, ReadWrite = 3;
    private const ulong HugePage = 2UL << 20, Region = 4UL << 20, AheadLength = 256UL << 20;

    /// <summary>
    /// Advises huge pages for the address range the collector reserved, found around an object it just made, and makes
    /// the part of it the collector allocates in from now on one mapping (see <see cref="Ahead"/>).
    /// </summary>
    public static void Advise()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            var probe = GCHandle.Alloc(new byte[64], GCHandleType.Pinned);
            var at = (ulong)probe.AddrOfPinnedObject();
            probe.Free();
            // Where huge pages are always used, or never, the advice changes nothing.
            if (Reservation(File.ReadLines("/proc/self/maps"), at) is var (start, end))
            {
                _ = madvise((nint)start, (nuint)(end - start), MadvHugePage);
                if (Ahead(at, (start, end)) is var (from, length, touched) && mprotect((nint)from, (nuint)length, ReadWrite) == 0)
                {
                    // Marked as the collector marks what it commits, so that its commits leave one mapping.
                    _ = madvise((nint)from, (nuint)length, MadvDoDump);
                    // What the collector has allocated in so far came in 4 KiB pages, and the rest of those huge pages would
                    // too, a fault each: made huge pages now (Linux 6.1 and later), or else faulted in with one call.
                    if (madvise((nint)from, (nuint)touched, MadvCollapse) != 0)
                    {
                        _ = madvise((nint)from, (nuint)touched, MadvPopulateWrite);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            // Memory comes in small pages, as before.
        }
    }

    /// <summary>
    /// The part of the collector's reservation (<paramref name="reservation"/>, see <see cref="Reservation"/>) to make
    /// readable and writable ahead of it: 256 MiB from the region (4 MiB) that <paramref name="address"/>, an object just
    /// made, lies in, within the reservation and from a 2 MiB boundary. The collector commits its heap a few pages at a time,
    /// each commit a mapping of its own, and a huge page needs its 2 MiB inside one mapping: so most of the heap came in
    /// 4 KiB pages all the same (a full build of 10,000 reports: 11,400 faults, 13–17 µs each on this virtual machine). Made
    /// writable ahead, the part is one mapping that the collector's own commits leave as it is: 4,700 faults, a full build
    /// 1.183 to 1.107 s, a one-change rebuild 112.8 to 105.4 ms. Memory is still taken only where the collector writes; its
    /// decommits (a new mapping) and recommits work as before. <c>Touched</c>: how much of it, from its start, lies in the
    /// huge pages the collector has already allocated in (to the end of the one holding the address): those came in 4 KiB
    /// pages, and so would the rest of them, 512 faults on every start (a one-change rebuild 85.9 to 77.0 ms once they are
    /// made huge pages). Null when no whole huge page fits.
    /// </summary>
    internal static (ulong Start, ulong Length, ulong Touched)? Ahead(ulong address, (ulong Start, ulong End) reservation)
    {
        var from = Math.Max(address & ~(Region - 1), (reservation.Start + HugePage - 1) & ~(HugePage - 1));
        var to = Math.Min(from + AheadLength, reservation.End & ~(HugePage - 1));
        var touched = Math.Min((address & ~(HugePage - 1)) + HugePage, to) - from;
        return to >= from + HugePage ? (from, to - from, touched) : null;
    }

    /// <summary>
    /// Faults in the memory of <paramref name="array"/> (just made, about to be filled) in one call, where Linux allows
    /// it (5.14 and later). The collector commits its heap a piece at a time, so a large array often lies where huge pages
    /// cannot be given, and each of its 4 KiB pages faulted in on its own cost this virtual machine 13–17 µs: reading the
    /// build stamp of 10,000 reports (1.5 MB) took 5–10 ms, most of it in 380 faults. Nothing happens elsewhere.
    /// </summary>
    public static void Populate(byte[] array)
    {
        if (!OperatingSystem.IsLinux() || array.Length < PageSize)
        {
            return;
        }

        var pinned = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            // Whole pages: the one the array starts in to the one it ends in (faulting in a neighbour changes nothing in it).
            var start = (ulong)pinned.AddrOfPinnedObject();
            var first = start & ~(ulong)(PageSize - 1);
            _ = madvise((nint)first, (nuint)(start + (ulong)array.Length - first), MadvPopulateWrite);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Faulted in a page at a time, as before.
        }
        finally
        {
            pinned.Free();
        }
    }

    /// <summary>
    /// The run of adjoining anonymous mappings (no file) in <paramref name="maps"/> (lines of <c>/proc/self/maps</c>) that
    /// holds <paramref name="address"/>: the collector reserves its heap as one range and commits parts of it, each part a
    /// mapping of its own. Null when no anonymous mapping holds the address.
    /// </summary>
    internal static (ulong Start, ulong End)? Reservation(IEnumerable<string> maps, ulong address)
    {
        (ulong Start, ulong End)? run = null;
        foreach (var line in maps)
        {
            // "start-end perms offset device inode [path]": anonymous memory has inode 0 and no path.
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var range = fields[0].Split('-');
            var (start, end) = (Hex(range[0]), Hex(range[1]));
            var anonymous = fields.Length == 5 && fields[4] == "0";
            if (run is { } open && (!anonymous || open.End != start))
            {
                if (open.Start <= address && address < open.End)
                {
                    return open;
                }

                run = null;
            }

            if (anonymous)
            {
                run = (run?.Start ?? start, end);
            }
        }

        return run is { } last && last.Start <= address && address < last.End ? last : null;

        static ulong Hex(string digits) => ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    // DllImport, not LibraryImport: no marshalling to generate for these arguments, and no unsafe code to allow for it.
    [DllImport("libc")]
    private static extern int mprotect(nint address, nuint length, int protection);

    [DllImport("libc")]
    private static extern int madvise(nint address, nuint length, int advice);
}
