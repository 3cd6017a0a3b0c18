using Gongkai.Pipelines;
using Gongkai.Rendering;
using Scriban.Runtime;

namespace Gongkai.Modules;

/// <summary>
/// Renders a document's layout (metadata <c>layout</c>) with its model; the current content becomes <c>content</c>, and
/// the page the document's bytes (UTF-8, in a rented array that <see cref="WriteFiles"/> returns).
/// The model is dropped from the document then: kept, every page's values stayed in memory to the end of the build.
/// </summary>
public sealed class ApplyLayout(Theme theme) : DocumentModule
{
    /// <inheritdoc />
    public override Document Execute(Document input, IExecutionContext context)
    {
        var page = theme.RenderPage(
            input.Require<string>(MetadataKeys.Layout),
            input.Require<ScriptObject>(MetadataKeys.Model),
            new RawHtml(input.Content ?? ""));
        return input with { Content = null, Utf8 = page, Rented = page.Array, Metadata = input.Metadata.Remove(MetadataKeys.Model) };
    }
}
