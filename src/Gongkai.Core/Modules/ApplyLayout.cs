using Gongkai.Pipelines;
using Gongkai.Rendering;
using Scriban.Runtime;

namespace Gongkai.Modules;

/// <summary>
/// Renders a document's layout (metadata <c>layout</c>) with its model; the current content becomes <c>content</c>.
/// The model is dropped from the document then: kept, every page's values stayed in memory to the end of the build.
/// </summary>
public sealed class ApplyLayout(Theme theme) : DocumentModule
{
    /// <inheritdoc />
    public override Document Execute(Document input, IExecutionContext context)
    {
        var html = theme.RenderPage(
            input.Require<string>(MetadataKeys.Layout),
            input.Require<ScriptObject>(MetadataKeys.Model),
            new RawHtml(input.Content ?? ""));
        return input with { Content = html, Metadata = input.Metadata.Remove(MetadataKeys.Model) };
    }
}
