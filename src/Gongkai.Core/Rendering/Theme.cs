using Gongkai.Model;
using Scriban;
using Scriban.Runtime;

namespace Gongkai.Rendering;

/// <summary>
/// A theme folder: Scriban layouts (<c>layouts/*.sbn-html</c>) and partials (<c>partials/*.sbn-html</c>), all parsed
/// once at load, UI strings (<c>i18n/&lt;locale&gt;.json</c>), static files (<c>assets/</c>) and files from its npm
/// packages (<see cref="ThemePackages"/>). Rendering is thread-safe.
/// </summary>
public sealed class Theme
{
    private const string Extension = ".sbn-html";
    private readonly Dictionary<string, Template> _layouts;
    private readonly Dictionary<string, Template> _partials;

    private Theme(string root, Dictionary<string, Template> layouts, Dictionary<string, Template> partials, UiStrings strings, IReadOnlyList<VendorAsset> vendorAssets)
    {
        Root = root;
        VendorAssets = vendorAssets;
        _layouts = layouts;
        _partials = partials;
        Strings = strings;
    }

    /// <summary>The theme folder.</summary>
    public string Root { get; }

    /// <summary>The folder of static files copied to <c>assets/</c> in the output.</summary>
    public string AssetsFolder => Path.Combine(Root, "assets");

    /// <summary>Files the theme ships from its npm packages.</summary>
    public IReadOnlyList<VendorAsset> VendorAssets { get; }

    /// <summary>The UI strings of the site's locale.</summary>
    public UiStrings Strings { get; }

    /// <summary>Loads and parses a theme for a locale; throws <see cref="ThemeException"/> naming every template error.</summary>
    public static Theme Load(string folder, string locale)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new ThemeException($"{folder}: theme folder does not exist");
        }

        var errors = new List<string>();
        var layouts = ParseAll(Path.Combine(root, "layouts"), errors);
        var partials = ParseAll(Path.Combine(root, "partials"), errors);
        var stringsPath = Path.Combine(root, "i18n", locale + ".json");
        if (!File.Exists(stringsPath))
        {
            errors.Add($"{stringsPath}: no UI strings for locale '{locale}'");
        }

        if (!layouts.ContainsKey("base"))
        {
            errors.Add($"{Path.Combine(root, "layouts")}: the theme has no base{Extension} layout");
        }

        if (errors.Count > 0)
        {
            throw new ThemeException(string.Join(Environment.NewLine, errors));
        }

        return new Theme(root, layouts, partials, UiStrings.Load(stringsPath), ThemePackages.Ensure(root));
    }

    /// <summary>
    /// Renders a page: the named layout with <paramref name="model"/> and <paramref name="content"/>, then the base
    /// layout around it. Templates see the model's values, <c>content</c>, <c>t</c> (UI strings) and the helper functions.
    /// </summary>
    public string RenderPage(string layout, ScriptObject model, RawHtml content)
    {
        if (!_layouts.TryGetValue(layout, out var template))
        {
            throw new ThemeException($"the theme has no layout '{layout}{Extension}'");
        }

        var context = NewContext(model);
        var locals = new ScriptObject { ["content"] = content };
        context.PushGlobal(locals);
        locals["content"] = RenderNested(context, template);
        return _layouts["base"].Render(context);
    }

    private HtmlTemplateContext NewContext(ScriptObject model)
    {
        var functions = new ScriptObject();
        functions.Import("include", new Func<TemplateContext, string, RawHtml>(Include));
        functions.Import("fmt_number", new Func<decimal, string>(Formats.Number));
        functions.Import("fmt_money", new Func<decimal, string>(Formats.Money));
        functions.Import("grade_label", new Func<Grade, string>(Formats.GradeLabel));
        functions.Import("grade_id", new Func<Grade, string>(Formats.GradeId));
        functions.Import("fill", new Func<string, ScriptArray, string>(Formats.Fill));
        functions["t"] = Strings.Tree;

        var context = new HtmlTemplateContext();
        context.PushGlobal(functions);
        context.PushGlobal(model);
        return context;
    }

    // Scriban's own include returns a string, which the escaping context would escape; a partial's output is HTML.
    private RawHtml Include(TemplateContext context, string name) =>
        _partials.TryGetValue(name, out var partial)
            ? RenderNested(context, partial)
            : throw new ThemeException($"the theme has no partial '{name}{Extension}'");

    // Evaluates a template into its own output on the running context. Template.Render must not be nested: its pooled
    // output buffers are recycled, and after a few hundred nested calls the outer page silently comes out empty.
    private static RawHtml RenderNested(TemplateContext context, Template template)
    {
        context.PushOutput();
        string text;
        try
        {
            context.Evaluate(template.Page!);
        }
        finally
        {
            text = context.PopOutput().ToString() ?? "";
        }

        return new RawHtml(text);
    }

    private static Dictionary<string, Template> ParseAll(string folder, List<string> errors)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return templates;
        }

        foreach (var path in Directory.GetFiles(folder, "*" + Extension).Order(StringComparer.Ordinal))
        {
            var template = Template.Parse(File.ReadAllText(path), path);
            if (template.HasErrors)
            {
                errors.AddRange(template.Messages.Select(m => m.ToString()));
                continue;
            }

            templates[Path.GetFileName(path)[..^Extension.Length]] = template;
        }

        return templates;
    }
}
