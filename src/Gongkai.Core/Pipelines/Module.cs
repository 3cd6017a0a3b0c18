namespace Gongkai.Pipelines;

/// <summary>One step of a pipeline: takes the documents so far and returns the next ones.</summary>
public abstract class Module
{
    /// <summary>The name used in progress and error messages.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Transforms the whole stream: may add, drop, reorder or combine documents.</summary>
    public abstract IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context);
}

/// <summary>
/// A step that handles each document on its own. Consecutive document modules are fused by the pipeline, so a
/// document is rendered, laid out and written before the next one starts, and run in parallel.
/// </summary>
public abstract class DocumentModule : Module
{
    /// <summary>Transforms one document.</summary>
    public abstract Document Execute(Document input, IExecutionContext context);

    /// <inheritdoc />
    public override IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        [.. inputs.Select(d => d.Unchanged ? d : Execute(d, context))];
}
