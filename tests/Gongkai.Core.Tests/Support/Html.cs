using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Gongkai.Tests.Support;

/// <summary>Parses built pages with AngleSharp.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The parsed document of an HTML file.</summary>
    public static IDocument Load(string path) => Parser.ParseDocument(File.ReadAllText(path));
}
