using Gongkai.Building;

namespace Gongkai.Tests.Building;

/// <summary>
/// The collector's reservation is found in <c>/proc/self/maps</c> as the run of adjoining anonymous mappings around an
/// address; an array faulted in ahead keeps what it and its neighbours hold.
/// </summary>
public sealed class HugePagesTests
{
    private static readonly string[] Maps =
    [
        "55d00f000000-55d00f4e8000 r-xp 00000000 00:2a 1234                       /tmp/gongkai",
        "55d00f4e8000-55d00fb5d000 rw-p 00000000 00:00 0                          [heap]",
        "7efa17031000-7efa19000000 ---p 00000000 00:00 0 ",
        "7efa19000000-7efa19400000 rw-p 00000000 00:00 0 ",
        "7efa19400000-7f05dc000000 ---p 00000000 00:00 0 ",
        "7f05dc000000-7f05dc021000 r--p 00000000 08:01 99                         /usr/lib/x86_64-linux-gnu/libc.so.6",
        "7f05dc100000-7f05dc200000 rw-p 00000000 00:00 0 ",
        "7f05dc200000-7f05dc300000 rw-p 00000000 00:00 0 ",
    ];

    [Fact]
    public void An_address_in_a_committed_part_gives_the_whole_run_of_adjoining_anonymous_mappings()
    {
        Assert.Equal((0x7efa17031000UL, 0x7f05dc000000UL), HugePages.Reservation(Maps, 0x7efa19000010));
        Assert.Equal((0x7efa17031000UL, 0x7f05dc000000UL), HugePages.Reservation(Maps, 0x7f05dbffffff));
    }

    [Fact]
    public void A_run_at_the_end_is_found_and_a_mapping_of_a_file_or_a_named_one_is_not_a_reservation()
    {
        Assert.Equal((0x7f05dc100000UL, 0x7f05dc300000UL), HugePages.Reservation(Maps, 0x7f05dc250000));
        Assert.Null(HugePages.Reservation(Maps, 0x7f05dc000010));
        Assert.Null(HugePages.Reservation(Maps, 0x55d00f4e8010));
        Assert.Null(HugePages.Reservation(Maps, 0x7f05dc0a0000));
    }

    [Fact]
    public void The_part_made_writable_ahead_starts_at_the_region_of_the_address_and_stays_in_the_reservation()
    {
        const ulong MiB = 1 << 20;
        var reservation = (Start: 0x7efa17031000UL, End: 0x7f05dc000000UL);

        // 256 MiB from the address's 4 MiB region; touched to the end of the address's huge page.
        Assert.Equal((0x7efa19000000UL, 256 * MiB, 4 * MiB), HugePages.Ahead(0x7efa19311eb0, reservation));
        Assert.Equal((0x7efa19000000UL, 256 * MiB, 2 * MiB), HugePages.Ahead(0x7efa19011eb0, reservation));
        // Not below the reservation's first 2 MiB boundary, nor past its last one.
        Assert.Equal((0x7efa17200000UL, 256 * MiB, 0UL), HugePages.Ahead(0x7efa17031010, reservation));
        Assert.Equal((0x7f05d9000000UL, 0x7f05dc000000UL - 0x7f05d9000000UL, 2 * MiB), HugePages.Ahead(0x7f05d9000010, reservation));
        // No whole huge page left.
        Assert.Null(HugePages.Ahead(0x7f05dc050000, (reservation.Start, 0x7f05dc1ff000)));
    }

    [Fact]
    public void An_array_faulted_in_ahead_and_its_neighbours_keep_what_they_hold()
    {
        // Arrays of the large object heap, side by side, filled (so faulted in) and then advised: a wrong advice (one that
        // frees pages, as MADV_DONTNEED would) gives zeros back.
        var arrays = Enumerable.Range(1, 3).Select(n => Enumerable.Range(0, 300_000 + n).Select(i => (byte)(i * 31 + n)).ToArray()).ToList();
        var copies = arrays.Select(a => (byte[])a.Clone()).ToList();

        arrays.ForEach(HugePages.Populate);

        Assert.All(Enumerable.Range(0, 3), i => Assert.True(copies[i].AsSpan().SequenceEqual(arrays[i]), $"array {i} changed"));
    }
}
