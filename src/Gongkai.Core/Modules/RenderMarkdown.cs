using Gongkai.Markdown;
using Gongkai.Pipelines;

namespace Gongkai.Modules;

/// <summary>Turns a document's markdown content into an HTML fragment with the site's shared Markdig pipeline.</summary>
public sealed class RenderMarkdown(SiteMarkdown markdown, string baseUrl) : DocumentModule
{
    /// <inheritdoc />
    public override Document Execute(Document input, IExecutionContext context) =>
        input with { Content = markdown.ToHtml(input.Content ?? "", baseUrl) };
}
