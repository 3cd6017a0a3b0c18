using Scriban;

namespace Gongkai.Rendering;

/// <summary>
/// HTML that writes itself into the page being rendered when a template writes it (a partial, a page's layout), so
/// nested templates go straight into the page's output instead of through a string of their own.
/// </summary>
public interface IHtmlFragment
{
    /// <summary>Writes the fragment into <paramref name="context"/>'s current output.</summary>
    void WriteTo(TemplateContext context);
}
