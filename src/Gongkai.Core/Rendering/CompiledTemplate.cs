using System.Runtime.CompilerServices;

namespace Gongkai.Rendering;

/// <summary>A template made into delegates by <see cref="TemplateCompiler"/>; runs on a page's <see cref="RenderScope"/>.</summary>
internal sealed class CompiledTemplate
{
    private readonly Action<RenderScope> _run;

    internal CompiledTemplate(Action<RenderScope> run) => _run = run;

    /// <summary>Writes the template into the scope's context, with the scope's variables.</summary>
    public void Run(RenderScope scope)
    {
        // A partial that includes itself ends in an error, not in a crashed process.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        _run(scope);
    }
}
