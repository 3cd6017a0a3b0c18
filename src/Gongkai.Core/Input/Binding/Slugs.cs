using System.Text.RegularExpressions;

namespace Gongkai.Input.Binding;

/// <summary>URL-safe names for folders and ids: lower-case ASCII letters and digits joined by single hyphens.</summary>
public static partial class Slugs
{
    /// <summary>True when the text may be used as a path segment in a permanent URL.</summary>
    public static bool IsValid(string text) => Pattern().IsMatch(text);

    /// <summary>What a slug must look like, for error hints.</summary>
    public const string Rule = "use lower-case letters a–z, digits and single hyphens, e.g. \"sewage-plant-2023\"";

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
