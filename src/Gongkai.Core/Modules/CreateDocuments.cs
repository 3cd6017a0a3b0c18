using Gongkai.Pipelines;

namespace Gongkai.Modules;

/// <summary>Starts a pipeline with documents made by a function (from the model, or from a dependency's outputs).</summary>
public sealed class CreateDocuments(string name, Func<IExecutionContext, IEnumerable<Document>> create) : Module
{
    /// <inheritdoc />
    public override string Name => $"CreateDocuments({name})";

    /// <inheritdoc />
    public override IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        [.. inputs, .. create(context)];
}
