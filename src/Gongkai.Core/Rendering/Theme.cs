using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Gongkai.Model;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Gongkai.Rendering;

/// <summary>A theme file copied into the site: its logical path (<c>assets/site.css</c>), its fingerprinted path, and where it is read from.</summary>
public sealed record ThemeAsset(string Logical, string Destination, string Source);

/// <summary>
/// A theme: Scriban layouts (<c>layouts/*.sbn-html</c>) and partials (<c>partials/*.sbn-html</c>), all parsed once at
/// load, UI strings (<c>i18n/&lt;locale&gt;.json</c>), static files (<c>assets/</c>) and files from its npm packages
/// (<see cref="ThemePackages"/>). A theme is a stack of folders: a file in an override folder (an office's
/// <c>input/theme/</c>) replaces the file with the same relative path in the base theme. Asset files get their content
/// hash in their name so hosts can cache them forever. Rendering is thread-safe.
/// </summary>
public sealed class Theme
{
    private const string Extension = ".sbn-html";
    private readonly Dictionary<string, ThemeTemplate> _layouts;
    private readonly Dictionary<string, ThemeTemplate> _partials;
    private readonly Dictionary<string, string> _assetPaths;
    private readonly ScriptObject _functions;

    // Renderers not in use, kept with the theme: a process that builds again and again (serve) runs each build on new
    // threads, and a context made afresh for each build cost more than rendering the page that changed.
    private readonly ConcurrentStack<Renderer> _renderers = [];
    private int _contextsMade;

    private Theme(string root, Dictionary<string, Template> layouts, Dictionary<string, Template> partials, UiStrings strings, IReadOnlyList<ThemeAsset> assets)
    {
        Root = root;
        Assets = assets;
        // Layouts and partials are folded together: a partial sees the variables of the layout that includes it.
        var pages = UiStringFolding.Fold(
            layouts.Select(l => KeyValuePair.Create("layouts/" + l.Key, l.Value.Page!))
                .Concat(partials.Select(p => KeyValuePair.Create("partials/" + p.Key, p.Value.Page!)))
                .ToDictionary(StringComparer.Ordinal),
            strings);
        // All compiled or none: a compiled loop's variables are not where an interpreted partial would look for them.
        var compiled = new Dictionary<string, CompiledTemplate?>(StringComparer.Ordinal);
        foreach (var (key, page) in pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            compiled[key] = TemplateCompiler.Compile(page, out var why);
            Interpreted ??= why is null ? null : $"{key}{Extension}, {why}";
        }

        ThemeTemplate Template(string key) => new(pages[key], IsCompiled ? compiled[key] : null);
        _layouts = layouts.ToDictionary(l => l.Key, l => Template("layouts/" + l.Key), StringComparer.Ordinal);
        _partials = partials.ToDictionary(p => p.Key, p => Template("partials/" + p.Key), StringComparer.Ordinal);
        _assetPaths = assets.ToDictionary(a => a.Logical, a => a.Destination, StringComparer.Ordinal);
        Strings = strings;
        _functions = Functions();
        string[] builtins = [.. BuiltinNames.Where(name => !_functions.ContainsKey(name))];
        UsesBuiltins = pages.Values.Any(page => ReadsAny(page, builtins));
        if (UsesBuiltins)
        {
            // Made while the site is published: a few hundred functions wrapped by reflection (14 ms), which the first
            // template context would wait for.
            _ = Task.Run(() => RuntimeHelpers.RunClassConstructor(typeof(BuiltinFunctions).TypeHandle));
        }
    }

    /// <summary>
    /// The names under which Scriban's built-in functions are found (<c>string.upcase</c>, <c>array.size</c> …): a theme
    /// whose templates read none of them renders without them, as making them costs a tenth of a rebuild after one change.
    /// </summary>
    internal static readonly string[] BuiltinNames = ["array", "blank", "date", "empty", "html", "include", "include_join", "math", "object", "regex", "string", "timespan"];

    /// <summary>True when a template reads one of Scriban's built-in functions (<see cref="BuiltinNames"/>), which the theme's own do not replace.</summary>
    internal bool UsesBuiltins { get; }

    private static bool ReadsAny(ScriptNode node, string[] names)
    {
        switch (node)
        {
            case ScriptVariableGlobal { Name: var name } when names.Contains(name, StringComparer.Ordinal):
                return true;
            case ScriptMemberExpression member:
                // The member's name (u.date) is a variable node too, but names no global.
                return member.Target is { } target && ReadsAny(target, names);
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            if (node.GetChildren(i) is { } child && ReadsAny(child, names))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many template contexts rendering has made so far: as many as pages were ever rendered at once.</summary>
    internal int ContextsMade => _contextsMade;

    /// <summary>The base theme folder (the one with the npm packages).</summary>
    public string Root { get; }

    /// <summary>Every file the theme puts into the site, theme assets and npm files alike, in destination order.</summary>
    public IReadOnlyList<ThemeAsset> Assets { get; }

    /// <summary>The UI strings of the site's locale.</summary>
    public UiStrings Strings { get; }

    /// <summary>True when every template was compiled (<see cref="TemplateCompiler"/>); false when Scriban interprets them.</summary>
    public bool IsCompiled => Interpreted is null;

    /// <summary>
    /// Why Scriban interprets the theme: the first template, in path order, with what the compiler leaves to Scriban
    /// (<c>partials/x.sbn-html, line 3: capture c</c>); null when the theme is compiled.
    /// </summary>
    public string? Interpreted { get; }

    /// <summary>The fingerprinted path of an asset, from its logical path (<c>assets/site.css</c>).</summary>
    public string AssetPath(string logical) => _assetPaths.TryGetValue(logical, out var path)
        ? path
        : throw new ThemeException($"the theme has no asset '{logical}'");

    /// <summary>
    /// Loads a theme from <paramref name="folders"/>, overrides first and the base theme last, for a locale; throws
    /// <see cref="ThemeException"/> naming every template error.
    /// </summary>
    public static Theme Load(IReadOnlyList<string> folders, string locale)
    {
        var roots = folders.Select(Path.GetFullPath).ToList();
        var root = roots[^1];
        if (!Directory.Exists(root))
        {
            throw new ThemeException($"{folders[^1]}: theme folder does not exist");
        }

        var errors = new List<string>();
        var layouts = ParseAll(roots, "layouts", errors);
        var partials = ParseAll(roots, "partials", errors);
        var stringsPath = roots.Select(r => Path.Combine(r, "i18n", locale + ".json")).FirstOrDefault(File.Exists);
        if (stringsPath is null)
        {
            errors.Add($"{Path.Combine(root, "i18n")}: no UI strings for locale '{locale}'");
        }

        if (!layouts.ContainsKey("base"))
        {
            errors.Add($"{Path.Combine(root, "layouts")}: the theme has no base{Extension} layout");
        }

        if (errors.Count > 0)
        {
            throw new ThemeException(string.Join(Environment.NewLine, errors));
        }

        var files = Layered(roots, "assets").Select(f => (Logical: "assets/" + f.Relative, f.Full))
            .Concat(ThemePackages.Ensure(root).Select(v => (Logical: v.Destination, Full: v.Source)));
        return new Theme(root, layouts, partials, UiStrings.Load(stringsPath!), [.. files.Select(Fingerprinted).OrderBy(a => a.Destination, StringComparer.Ordinal)]);
    }

    /// <summary>Loads a single theme folder.</summary>
    public static Theme Load(string folder, string locale) => Load([folder], locale);

    /// <summary>
    /// Renders a page: the named layout with <paramref name="model"/> and <paramref name="content"/>, inside the base
    /// layout. Templates see the model's values, <c>content</c>, <c>t</c> (UI strings) and the helper functions. The page
    /// comes as UTF-8 in an array rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which the caller owns.
    /// </summary>
    public ArraySegment<byte> RenderPage(string layout, ScriptObject model, RawHtml content)
    {
        if (!_layouts.TryGetValue(layout, out var template))
        {
            throw new ThemeException($"the theme has no layout '{layout}{Extension}'");
        }

        // A renderer left by a failed render is dropped, never reused.
        if (!_renderers.TryPop(out var renderer))
        {
            renderer = new Renderer(_functions, UsesBuiltins ? null : new ScriptObject());
            Interlocked.Increment(ref _contextsMade);
        }

        var context = renderer.Context;
        context.PushGlobal(model);
        var locals = new ScriptObject();
        locals["content"] = new LayoutBody(template, locals, content);
        context.PushGlobal(locals);
        renderer.Output.Start();
        context.PushOutput(renderer.Output);
        context.Scope = IsCompiled ? new RenderScope(context, renderer.Output, locals, model, _functions) : null;
        _layouts["base"].WriteTo(context);
        context.Scope = null;
        context.PopOutput();
        context.PopGlobal();
        context.PopGlobal();
        var page = renderer.Output.Finish();
        _renderers.Push(renderer);
        return page;
    }

    // Shared by every context and thread, so read-only: templates assign to the page's own locals.
    private ScriptObject Functions()
    {
        var functions = new ScriptObject();
        functions.SetValue("include", ScriptFunction.Of<string, ThemeTemplate>(Include), true);
        functions.SetValue("fmt_number", ScriptFunction.Of<decimal, string>(Formats.Number), true);
        functions.SetValue("fmt_money", ScriptFunction.Of<decimal, string>(Formats.Money), true);
        functions.SetValue("grade_label", ScriptFunction.Of<Grade, string>(Formats.GradeLabel), true);
        functions.SetValue("grade_id", ScriptFunction.Of<Grade, string>(Formats.GradeId), true);
        functions.SetValue("fill", ScriptFunction.Of<string, ScriptArray, string>(Formats.Fill), true);
        functions.SetValue("asset", ScriptFunction.Of<string, string>(AssetPath), true);
        functions.SetValue("has_asset", ScriptFunction.Of<string, bool>(_assetPaths.ContainsKey), true);
        functions["t"] = Strings.Tree;
        functions.IsReadOnly = true;
        return functions;
    }

    // Scriban's own include returns a string, which the escaping context would escape; a partial's output is HTML, and
    // it is written straight into the page where the template writes it.
    private ThemeTemplate Include(string name) =>
        _partials.TryGetValue(name, out var partial)
            ? partial
            : throw new ThemeException($"the theme has no partial '{name}{Extension}'");

    // A layout or partial, run compiled on the page being rendered when the theme is, else evaluated by Scriban, on the
    // running context into its current output. Template.Render must not be nested: its pooled output buffers are
    // recycled, and after a few hundred nested calls the outer page silently comes out empty.
    private sealed record ThemeTemplate(ScriptPage Page, CompiledTemplate? Compiled) : IHtmlFragment
    {
        public void WriteTo(TemplateContext context)
        {
            if (Compiled is not null && context is HtmlTemplateContext { Scope: { } scope })
            {
                Compiled.Run(scope);
            }
            else
            {
                context.Evaluate(Page);
            }
        }
    }

    // The base layout's `content`: the page's own layout, which sees the rendered markdown as its `content`.
    private sealed record LayoutBody(ThemeTemplate Layout, ScriptObject Locals, RawHtml Markdown) : IHtmlFragment
    {
        public void WriteTo(TemplateContext context)
        {
            Locals["content"] = Markdown;
            Layout.WriteTo(context);
            Locals["content"] = this;
        }
    }

    // A context with its output, rendering one page at a time and reused page after page (a new TemplateContext clones
    // Scriban's built-in functions and wraps our delegates anew, which cost more than rendering the page).
    private sealed class Renderer
    {
        public Renderer(ScriptObject functions, ScriptObject? builtins)
        {
            Context = new HtmlTemplateContext(builtins);
            Context.PushGlobal(functions);
        }

        public HtmlTemplateContext Context { get; }

        public Utf8Output Output { get; } = new();
    }

    private static Dictionary<string, Template> ParseAll(IReadOnlyList<string> roots, string folder, List<string> errors)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var (relative, full) in Layered(roots, folder).Where(f => f.Relative.EndsWith(Extension, StringComparison.Ordinal)))
        {
            var template = Template.Parse(File.ReadAllText(full), full);
            if (template.HasErrors)
            {
                errors.AddRange(template.Messages.Select(m => m.ToString()));
                continue;
            }

            templates[relative[..^Extension.Length]] = template;
        }

        return templates;
    }

    // The files under a folder of every layer, the first layer's file winning, in ordinal path order.
    private static IEnumerable<(string Relative, string Full)> Layered(IReadOnlyList<string> roots, string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in roots.Reverse())
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var full in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(dir, full).Replace('\\', '/')] = full;
            }
        }

        return files.Select(f => (f.Key, f.Value));
    }

    // site.css → site.1a2b3c4d.css: a new name whenever the content changes, so the file can be cached forever.
    private static ThemeAsset Fingerprinted((string Logical, string Full) file)
    {
        // Hashed as it is read, a piece at a time: an asset (Chart.js: 200 KB) read whole was that much fresh memory for every build.
        using var stream = File.OpenRead(file.Full);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream))[..10];
        var extension = Path.GetExtension(file.Logical);
        return new ThemeAsset(file.Logical, file.Logical[..^extension.Length] + "." + hash + extension, file.Full);
    }
}
