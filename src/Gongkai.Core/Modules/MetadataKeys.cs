namespace Gongkai.Modules;

/// <summary>Metadata keys shared between modules.</summary>
public static class MetadataKeys
{
    /// <summary>The Scriban model of a page (a ScriptObject).</summary>
    public const string Model = "model";

    /// <summary>The layout a page is rendered with.</summary>
    public const string Layout = "layout";

    /// <summary>The public URL path of a page, relative to the base URL, e.g. <c>regions/karamay/</c>.</summary>
    public const string Path = "path";
}
