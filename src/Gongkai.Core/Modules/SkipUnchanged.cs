using Gongkai.Building;
using Gongkai.Pipelines;

namespace Gongkai.Modules;

/// <summary>
/// Notes the region folder a document is made from (from its source file; none for a site-wide document) and marks it
/// unchanged when <paramref name="unchanged"/> (destination, scope) says the previous build wrote the same file from
/// the same input, so it is neither rendered nor written again. Only for pipelines whose documents depend on their own
/// region's files alone, or, when site-wide, on the site without the text of report bodies
/// (<see cref="Publication.PublicSite.WithoutReportBodies"/>).
/// </summary>
public sealed class SkipUnchanged(Func<string, string?, bool> unchanged) : DocumentModule
{
    /// <inheritdoc />
    public override Document Execute(Document input, IExecutionContext context)
    {
        var scope = BuildKeys.ScopeOf(input.Source);
        if (unchanged(input.Destination, scope))
        {
            // One copy: on a rebuild after one change, nearly every document of a large site passes here.
            return input with { Scope = scope, Content = null, CopyFrom = null, Unchanged = true };
        }

        return scope is null ? input : input with { Scope = scope };
    }
}
