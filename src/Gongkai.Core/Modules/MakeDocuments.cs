using Gongkai.Pipelines;

namespace Gongkai.Modules;

/// <summary>Makes in full each document that was described for later (<see cref="Document.Make"/>), keeping its metadata and scope.</summary>
public sealed class MakeDocuments : DocumentModule
{
    /// <inheritdoc />
    public override Document Execute(Document input, IExecutionContext context)
    {
        if (input.Make is not { } make)
        {
            return input;
        }

        var made = make();
        return made with { Metadata = made.Metadata.SetItems(input.Metadata), Scope = input.Scope, Make = null };
    }
}
