using System.Collections.Concurrent;
using Gongkai.Building;
using Gongkai.Model;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Building;

/// <summary>A region's model stored in the build cache comes back under its key only, with the key of its link targets.</summary>
public sealed class RegionModelsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private RegionModels Fresh() => new(_temp["regions"], new ConcurrentDictionary<string, (string Key, Region Region)>());

    [Fact]
    public void A_region_read_back_in_another_process_has_the_link_target_key_of_the_model_it_was_stored_from()
    {
        var region = RegionBinaryTests.Full();
        Fresh().Save([(region, "key-1")], RegionBinaryTests.Passages, new HashSet<string> { region.Slug });

        var loaded = Fresh().Load(new Dictionary<string, string> { [region.Slug] = "key-1" });
        var other = Fresh().Load(new Dictionary<string, string> { [region.Slug] = "key-2" });

        Assert.NotSame(region, loaded[region.Slug]);
        Assert.Equal(BuildKeys.OfLinkTargets(region), BuildKeys.OfLinkTargets(loaded[region.Slug]));
        Assert.Empty(other);
    }

    [Fact]
    public void The_link_target_key_of_a_region_read_back_is_the_one_stored_not_made_again()
    {
        var region = RegionBinaryTests.Full();
        Directory.CreateDirectory(_temp["regions"]);
        BinaryFile.Write(Path.Combine(_temp["regions"], region.Slug + ".bin"), w =>
        {
            w.Write("key-1");
            w.Write("planted");
            RegionBinary.Write(w, region, RegionBinaryTests.Passages);
        });

        var loaded = Fresh().Load(new Dictionary<string, string> { [region.Slug] = "key-1" })[region.Slug];

        Assert.Equal("planted", BuildKeys.OfLinkTargets(loaded));
    }
}
