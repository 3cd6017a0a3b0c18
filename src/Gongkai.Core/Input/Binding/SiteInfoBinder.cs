using Gongkai.Input.Tree;
using Gongkai.Model;
using Gongkai.Validation;

namespace Gongkai.Input.Binding;

/// <summary>Binds <c>site.json</c>.</summary>
public static class SiteInfoBinder
{
    /// <summary>The base URL of a site.json that gives none.</summary>
    public const string DefaultBaseUrl = "/";

    /// <summary>The fields site.json may have.</summary>
    public static readonly string[] Known = ["title", "baseUrl", "locale", "publisher", "synonyms", "license", "licenseUrl"];

    /// <summary>The site settings, or null when required fields are missing.</summary>
    public static SiteInfo? Bind(InputNode root, DiagnosticBag diagnostics)
    {
        if (Fields.OfRoot(root, "site.json", Known, diagnostics) is not { } f)
        {
            return null;
        }

        var title = f.String("title", required: true);
        var baseUrl = f.String("baseUrl") ?? DefaultBaseUrl;
        var locale = f.String("locale") ?? "zh-CN";
        var publisher = f.String("publisher");
        var license = f.String("license");
        var licenseUrl = f.String("licenseUrl");
        if (licenseUrl is not null && !licenseUrl.StartsWith("https://", StringComparison.Ordinal) && !licenseUrl.StartsWith("http://", StringComparison.Ordinal))
        {
            f.Error("GK0102", "licenseUrl", $"\"licenseUrl\" must be a full http(s) address, got \"{licenseUrl}\"");
            licenseUrl = null;
        }

        var synonyms = f.Object("synonyms") is { } synonymMap ? BindSynonyms(synonymMap, diagnostics) : new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        return title is null ? null : new SiteInfo(title, NormaliseBaseUrl(baseUrl), locale, publisher, synonyms, license, licenseUrl);
    }

    private static SortedDictionary<string, IReadOnlyList<string>> BindSynonyms(InputMap map, DiagnosticBag diagnostics)
    {
        var synonyms = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in map.Properties)
        {
            var terms = property.Value is InputList list ? list.Items.OfType<InputScalar>().Where(s => s.Kind == ScalarKind.String && s.Text.Length > 0).Select(s => s.Text).ToList() : null;
            if (terms is null || terms.Count == 0 || terms.Count != ((InputList)property.Value).Items.Count)
            {
                diagnostics.Error("GK0101", property.Value.Location, $"synonyms \"{property.Key}\" must be a list of the full terms it stands for, e.g. [\"医疗保险\"]",
                    null, $"synonyms.{property.Key}");
                continue;
            }

            synonyms[property.Key] = terms;
        }

        return synonyms;
    }

    /// <summary>Makes a base URL end with exactly one '/', so page paths can be appended to it.</summary>
    public static string NormaliseBaseUrl(string baseUrl) => baseUrl.TrimEnd('/') + "/";
}
