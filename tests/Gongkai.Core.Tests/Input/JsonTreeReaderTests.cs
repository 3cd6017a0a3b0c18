using System.Text;
using Gongkai.Input;
using Gongkai.Input.Tree;
using Gongkai.Validation;

namespace Gongkai.Tests.Input;

public sealed class JsonTreeReaderTests
{
    // An object of `keys` distinct keys, one per line, then a repeat of key `repeat` on the last line.
    private static string ObjectWithRepeat(int keys, int repeat) =>
        "{\n" + string.Concat(Enumerable.Range(0, keys).Select(i => $"  \"k{i}\": {i},\n")) + $"  \"k{repeat}\": 0\n}}";

    [Theory]
    [InlineData(3, 0)]
    [InlineData(3, 2)]
    [InlineData(16, 15)]
    [InlineData(17, 0)]
    [InlineData(40, 39)]
    public void A_repeated_key_is_reported_where_it_repeats_in_small_and_large_objects(int keys, int repeat)
    {
        var bag = new DiagnosticBag();
        var root = Assert.IsType<InputMap>(JsonTreeReader.Parse(Encoding.UTF8.GetBytes(ObjectWithRepeat(keys, repeat)), "a.json", bag));

        var d = Assert.Single(bag.Sorted());
        Assert.Equal("GK0006", d.Code);
        Assert.Equal(new SourceLocation("a.json", keys + 2, 3), d.Location);
        Assert.Contains($"\"k{repeat}\"", d.Message, StringComparison.Ordinal);
        // The first value stays; the repeat is dropped.
        Assert.Equal(keys, root.Properties.Count);
        Assert.Equal(repeat.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<InputScalar>(root[$"k{repeat}"]).Text);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Distinct_keys_are_all_kept_in_order(int keys)
    {
        var json = "{" + string.Join(",", Enumerable.Range(0, keys).Select(i => $"\"k{i}\": {i}")) + "}";
        var bag = new DiagnosticBag();
        var root = Assert.IsType<InputMap>(JsonTreeReader.Parse(Encoding.UTF8.GetBytes(json), "a.json", bag));

        Assert.Empty(bag.Sorted());
        Assert.Equal(Enumerable.Range(0, keys).Select(i => $"k{i}"), root.Properties.Select(p => p.Key));
    }
}
