using Gongkai.Building;
using Gongkai.Pipelines;

namespace Gongkai.Modules;

/// <summary>
/// Notes the region folder a document is made from (from its source file) and marks it unchanged when
/// <paramref name="unchanged"/> says the previous build wrote the same file from the same region input, so it is
/// neither rendered nor written again. Only for pipelines whose documents depend on their own region's files alone.
/// </summary>
public sealed class SkipUnchanged(Func<string, string, bool> unchanged) : DocumentModule
{
    /// <inheritdoc />
    public override Document Execute(Document input, IExecutionContext context)
    {
        if (BuildKeys.ScopeOf(input.Source) is not { } scope)
        {
            return input;
        }

        var document = input.With(MetadataKeys.Scope, scope);
        return unchanged(input.Destination, scope) ? document with { Content = null, CopyFrom = null, Unchanged = true } : document;
    }
}
