using System.Runtime;
using Gongkai.Input;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Input;

/// <summary>Run alone: another test's allocations would end the collection-free stretch this one watches.</summary>
[CollectionDefinition(nameof(InputBytesHeapTests), DisableParallelization = true)]
public sealed class InputBytesHeapCollection;

/// <summary>Where the input's bytes are allocated: never where it would end a collection-free stretch.</summary>
[Collection(nameof(InputBytesHeapTests))]
public sealed class InputBytesHeapTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reading_the_input_makes_no_collection_in_a_collection_free_stretch()
    {
        // 16 MB in files small enough to share slabs: more than one slab per reading thread, and less than the stretch.
        var text = new string('字', 60_000);
        for (var i = 0; i < 90; i++)
        {
            _temp.Write($"regions/r{i % 3}/reports/{i:D3}.md", text);
        }

        var listing = InputFiles.List(_temp.Path);
        // The region and the count are the whole process's: a thread another test left running can end the region too,
        // so a read is tried up to three times, and fails the test only when each one made a collection.
        var attempts = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.True(GC.TryStartNoGCRegion(96L << 20, 48L << 20));
            var collections = GC.CollectionCount(0);
            try
            {
                var files = InputFiles.Read(listing, null);
                Assert.Equal(90, files.Hashes.Count);
                if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion && GC.CollectionCount(0) == collections)
                {
                    return;
                }

                attempts.Add($"latency mode {GCSettings.LatencyMode}, {GC.CollectionCount(0) - collections} collection(s)");
            }
            finally
            {
                if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                {
                    GC.EndNoGCRegion();
                }
            }
        }

        Assert.Fail($"every read made a collection: {string.Join("; ", attempts)}");
    }
}
