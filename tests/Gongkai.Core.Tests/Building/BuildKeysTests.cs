using Gongkai.Building;
using Gongkai.Input;

namespace Gongkai.Tests.Building;

/// <summary>
/// The keys a rebuild takes partly from the last build's stamp are the keys made afresh from the input: a region folder
/// keeps its last key only while its files are the same, whatever was changed, added or removed.
/// </summary>
public sealed class BuildKeysTests : IDisposable
{
    private const string Setting = "setting";
    private readonly Support.TempFolder _temp = new();

    public BuildKeysTests()
    {
        _temp.Write("site.json", "{}");
        _temp.Write("regions/a/region.json", "{ \"name\": \"甲\" }");
        _temp.Write("regions/a/2024/disclosure.md", "甲的披露");
        _temp.Write("regions/b/region.json", "{ \"name\": \"乙\" }");
        _temp.Write("regions/b/2024/disclosure.md", "乙的披露");
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("changed", "regions/a")]
    [InlineData("added", "regions/a")]
    [InlineData("removed", "regions/a")]
    [InlineData("moved", "regions/a")]
    [InlineData("site-wide", "")]
    public void Keys_taken_from_the_last_stamp_are_the_keys_made_afresh(string change, string changedScope)
    {
        var first = InputFiles.Read(_temp.Path);
        var keys = BuildKeys.For(first, Setting, last: null);
        var last = new BuildStamp(keys.Full, keys.Site, keys.Scopes, new Dictionary<string, string?>(), new Dictionary<string, string>(),
            first.Stats, new Dictionary<string, int>(), "", "", new Dictionary<string, string>());

        switch (change)
        {
            case "changed": _temp.Write("regions/a/2024/disclosure.md", "甲的披露，改过"); break;
            case "added": _temp.Write("regions/a/2025/disclosure.md", "甲的新一年"); break;
            case "removed": File.Delete(_temp["regions/a/2024/disclosure.md"]); break;
            case "moved": File.Move(_temp["regions/b/2024/disclosure.md"], _temp["regions/a/2024/moved.md"]); break;
            default: _temp.Write("site.json", "{ \"title\": \"改\" }"); break;
        }

        var next = InputFiles.Read(InputFiles.List(_temp.Path), last.Inputs);
        var fromStamp = BuildKeys.For(next, Setting, last);
        var afresh = BuildKeys.For(next, Setting, last: null);

        Assert.Equal(afresh.Full, fromStamp.Full);
        Assert.Equal(afresh.Scopes.OrderBy(s => s.Key, StringComparer.Ordinal), fromStamp.Scopes.OrderBy(s => s.Key, StringComparer.Ordinal));
        Assert.NotEqual(keys.Full, fromStamp.Full);
        if (changedScope != "")
        {
            Assert.NotEqual(keys.Scopes[changedScope], fromStamp.Scopes[changedScope]);
        }
    }
}
