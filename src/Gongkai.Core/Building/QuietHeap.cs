namespace Gongkai.Building;

/// <summary>
/// A stretch of a build without garbage collections: what a build keeps to its end (the site's model, a session's last
/// build) would be copied again by every collection made while it grows. The CLI opens one as it starts, <c>serve</c>
/// before each rebuild; a build that allocates more than its size leaves it and is collected as usual.
/// </summary>
public static class QuietHeap
{
    /// <summary>The most a build allocates without a collection (a quarter of it for large objects).</summary>
    public const long Size = 128L << 20;

    /// <summary>Opens the stretch, unless memory is scarce (a small container): uncollected garbage could be most of it.</summary>
    public static void Open()
    {
        if (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes >= 8 * Size)
        {
            GC.TryStartNoGCRegion(Size, Size / 4);
        }
    }
}
