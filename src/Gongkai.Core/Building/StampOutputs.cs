using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Gongkai.Building;

/// <summary>
/// The files of a stamp read back (<see cref="StampBinary"/>), each with the region folder it was made from: the bytes
/// they were written as until one of them is asked for, and written as those bytes again by a stamp of the same files.
/// After an edit of report text the files are the last build's: on 10,000 reports, reading, counting and writing the
/// 11,000 of them again was 5 of the 76 ms of CPU of such a rebuild.
/// </summary>
internal sealed class StampOutputs(int count, byte[] bytes) : IReadOnlyDictionary<string, string?>
{
    private Dictionary<string, string?>? _files;

    /// <summary>The files as the stamp holds them (see <see cref="StampBinary"/>).</summary>
    public byte[] Bytes => bytes;

    /// <inheritdoc/>
    public int Count => count;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => Files.Keys;

    /// <inheritdoc/>
    public IEnumerable<string?> Values => Files.Values;

    // Read once, by whichever thread asks first.
    private Dictionary<string, string?> Files => LazyInitializer.EnsureInitialized(ref _files, () => StampBinary.ReadOutputs(bytes));

    /// <inheritdoc/>
    public string? this[string key] => Files[key];

    /// <inheritdoc/>
    public bool ContainsKey(string key) => Files.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value) => Files.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => Files.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
