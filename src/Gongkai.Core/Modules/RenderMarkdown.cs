using Gongkai.Markdown;
using Gongkai.Pipelines;

namespace Gongkai.Modules;

/// <summary>Turns a document's markdown content into an HTML fragment with the site's shared Markdig pipeline.</summary>
public sealed class RenderMarkdown(string baseUrl) : DocumentModule
{
    /// <inheritdoc />
    public override Document Execute(Document input, IExecutionContext context) =>
        input with { Content = SiteMarkdown.ToHtml(input.Content ?? "", baseUrl) };
}
