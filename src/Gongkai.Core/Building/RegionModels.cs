using System.Collections.Concurrent;
using Gongkai.Model;

namespace Gongkai.Building;

/// <summary>
/// The checked model of each region a build read, one file per region in a folder of the build cache, so that a rebuild
/// takes an unchanged region's model as it is instead of reading and checking its catalogues and narratives again (on
/// 10,000 reports, that was a third of a rebuild after one change). Report bodies are stored as <see cref="KeptBody"/>:
/// their path and how many passages were cut, never their text. A model is used only under the key it was stored with
/// (<see cref="BuildKeys.OfRegion"/>): the same region files, site-wide files, options, generator and input folder.
/// The key of the region's link targets (<see cref="BuildKeys.OfLinkTargets(Region)"/>) is stored with it.
/// A model read is kept in <paramref name="kept"/> (by slug, with its key), where the next load of the same process finds it.
/// </summary>
public sealed class RegionModels(string folder, ConcurrentDictionary<string, (string Key, Region Region)> kept)
{
    /// <summary>The models stored under the keys asked for (by slug); a region stored under another key, or not at all, is left out.</summary>
    public IReadOnlyDictionary<string, Region> Load(IReadOnlyDictionary<string, string> keys)
    {
        (string Slug, Region? Region) One(KeyValuePair<string, string> k) => (k.Key, Recall(k.Key, k.Value));
        // One region (after a text edit) on this thread: a parallel query can wait for a worker the build keeps busy.
        List<(string Slug, Region? Region)> loaded = keys.Count == 1 ? [.. keys.Select(One)] : keys.AsParallel().Select(One).ToList();
        return loaded.Where(r => r.Region is not null).ToDictionary(r => r.Slug, r => r.Region!, StringComparer.Ordinal);
    }

    /// <summary>
    /// Stores <paramref name="regions"/> under their keys, each body as its path and the passages cut from it (by input
    /// path), and removes the models of regions the site no longer has (<paramref name="slugs"/> are all it has).
    /// </summary>
    public void Save(IEnumerable<(Region Region, string Key)> regions, IReadOnlyDictionary<string, int> passages, IReadOnlySet<string> slugs)
    {
        Directory.CreateDirectory(folder);
        Parallel.ForEach(regions, r => BinaryFile.Write(PathOf(r.Region.Slug), writer =>
        {
            writer.Write(r.Key);
            writer.Write(BuildKeys.OfLinkTargets(r.Region));
            RegionBinary.Write(writer, r.Region, passages);
        }));
        foreach (var gone in Directory.GetFiles(folder, "*" + Extension).Where(f => !slugs.Contains(Path.GetFileNameWithoutExtension(f))))
        {
            File.Delete(gone);
        }

        foreach (var gone in kept.Keys.Where(slug => !slugs.Contains(slug)))
        {
            kept.TryRemove(gone, out _);
        }
    }

    private const string Extension = ".bin";

    private string PathOf(string slug) => Path.Combine(folder, slug + Extension);

    private Region? Recall(string slug, string key)
    {
        if (kept.TryGetValue(slug, out var was) && was.Key == key)
        {
            return was.Region;
        }

        string? linkTargets = null;
        var region = BinaryFile.Read(PathOf(slug), reader =>
        {
            if (reader.ReadString() != key)
            {
                return null;
            }

            linkTargets = reader.ReadString();
            return RegionBinary.Read(reader);
        });
        if (region is not null)
        {
            BuildKeys.RecallLinkTargets(region, linkTargets!);
            kept[slug] = (key, region);
        }

        return region;
    }
}
