using System.Text;
using System.Xml;
using Gongkai.Pages;
using Gongkai.Rendering;

namespace Gongkai.Feeds;

/// <summary>
/// The Atom feed (<c>feed.xml</c>) of new disclosures and revisions. Every date comes from the input, so the feed is the
/// same bytes on every build; with a relative base URL, entry ids are URNs made from the page path.
/// </summary>
public static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The feed document's text; <paramref name="fallbackDate"/> is its <c>updated</c> when nothing is dated.</summary>
    public static string Write(string title, string? author, IReadOnlyList<SiteUpdate> updates, Permalinks links, UiStrings t, string fallbackDate)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(text), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            xml.WriteElementString("title", Atom, t.Format("feed.title", title));
            xml.WriteElementString("id", Atom, IdOf(Permalinks.Feed, links));
            xml.WriteElementString("updated", Atom, Timestamp(updates.Count > 0 ? updates[0].Date : fallbackDate));
            Link(xml, links.Href(Permalinks.Feed), "self");
            Link(xml, links.Href(Permalinks.Updates), "alternate");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, author ?? title);
            xml.WriteEndElement();
            xml.WriteElementString("generator", Atom, "Gongkai");
            foreach (var u in updates)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("title", Atom, Headline(u, t));
                xml.WriteElementString("id", Atom, IdOf(u.Key, links));
                xml.WriteElementString("updated", Atom, Timestamp(u.Date));
                Link(xml, links.Href(u.Target), "alternate");
                xml.WriteElementString("summary", Atom, u.Note ?? t.Format("updates.published_summary", u.RegionName, u.FiscalYear, u.Title));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return text.Append('\n').ToString();
    }

    /// <summary>The one-line headline of an update, as the feed and the 更新记录 page show it.</summary>
    public static string Headline(SiteUpdate u, UiStrings t) =>
        t.Format(u.Kind == UpdateKind.Published ? "updates.published" : "updates.revised", u.RegionName, u.FiscalYear, u.Title);

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string IdOf(string key, Permalinks links) => links.IsAbsolute ? links.Href(key) : "urn:gongkai:" + key.Replace('#', ':');

    // Input dates have no time of day; midnight UTC keeps the day as written.
    private static string Timestamp(string date) => date + "T00:00:00Z";

    private sealed class StringWriterUtf8(StringBuilder text) : StringWriter(text, System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
