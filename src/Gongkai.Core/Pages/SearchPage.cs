using System.Text.Json.Nodes;
using Gongkai.Pipelines;
using Gongkai.Rendering;
using Gongkai.Search;
using Scriban.Runtime;

namespace Gongkai.Pages;

/// <summary>The search page: a form that works as a link target without JavaScript, and results once the script runs.</summary>
public static class SearchPage
{
    /// <summary>The page's path.</summary>
    public const string Path = "search/";

    /// <summary>The search page document; the script loads the first shard's index and merges the others into it.</summary>
    public static Document Create(PageModel pages, IReadOnlyList<SearchShard> shards)
    {
        var title = pages.Strings["search.title"];
        return pages.Page(Path, "search", title, pages.Strings["search.description"],
            pages.SectionTrail(title, Path),
            new ScriptObject
            {
                ["search_base"] = pages.Links.Href(""),
                ["search_merge"] = string.Join(' ', shards.Skip(1).Select(s => s.Folder)),
                ["search_strings"] = new RawHtml(ScriptStrings(pages.Strings)),
            },
            scripts: ["assets/search.js"]);
    }

    // The words the script shows, as JSON safe inside a <script> element (the default encoder escapes < > & ' and non-ASCII).
    private static string ScriptStrings(UiStrings t)
    {
        string[] keys = ["loading", "count", "none", "error", "all", "score"];
        var strings = keys.ToDictionary(k => k, k => t["search." + k]);
        foreach (var filter in new[] { "region", "year", "category", "grade", "status", "type" })
        {
            strings[filter] = t["search.filter_" + filter];
        }

        return new JsonObject(strings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))).ToJsonString();
    }
}
