using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Gongkai.Model;
using Gongkai.Publication;

namespace Gongkai.Data;

/// <summary>
/// A disclosure described as a schema.org <c>Dataset</c> (JSON-LD), so dataset search engines find its downloads.
/// The text is safe inside a <c>&lt;script&gt;</c> element: &lt;, &gt;, &amp; and quotes are escaped, Chinese is not.
/// </summary>
public static class DatasetJsonLd
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <summary>The JSON-LD of a disclosure; links are as the page writes them (<paramref name="page"/>, <paramref name="json"/>, <paramref name="csv"/>).</summary>
    public static string For(PublicDisclosure d, SiteInfo site, string name, string description, string page, string json, string? csv)
    {
        var distribution = new JsonArray(Download("application/json", json));
        if (csv is not null)
        {
            distribution.Add(Download("text/csv", csv));
        }

        var dataset = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["name"] = name,
            ["description"] = description,
            ["url"] = page,
            ["inLanguage"] = site.Locale,
            ["isAccessibleForFree"] = true,
            ["creator"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = d.Publisher },
            ["spatialCoverage"] = new JsonObject { ["@type"] = "Place", ["name"] = d.RegionName },
            ["temporalCoverage"] = d.FiscalYear.ToString(CultureInfo.InvariantCulture),
            ["distribution"] = distribution,
        };
        if (d.Date is not null)
        {
            dataset["datePublished"] = d.Date;
        }

        if (d.Revisions.Count > 0)
        {
            dataset["dateModified"] = d.Revisions[^1].Date;
        }

        if ((site.LicenseUrl ?? site.License) is { } license)
        {
            dataset["license"] = license;
        }

        return dataset.ToJsonString(Options);
    }

    private static JsonNode Download(string format, string url) =>
        new JsonObject { ["@type"] = "DataDownload", ["encodingFormat"] = format, ["contentUrl"] = url };
}
