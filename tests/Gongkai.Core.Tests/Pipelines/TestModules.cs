using Gongkai.Pipelines;

namespace Gongkai.Tests.Pipelines;

/// <summary>Adds documents with the given destinations and empty content.</summary>
internal sealed class Emit(params string[] destinations) : Module
{
    public override IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        [.. inputs, .. destinations.Select(d => new Document(d) { Content = "" })];
}

/// <summary>Appends text to each document's content.</summary>
internal sealed class Append(string text) : DocumentModule
{
    public override Document Execute(Document input, IExecutionContext context) =>
        input with { Content = input.Content + text };
}

/// <summary>Runs an action for each document (to observe timing and threads).</summary>
internal sealed class Observe(Action<Document> action) : DocumentModule
{
    public override Document Execute(Document input, IExecutionContext context)
    {
        action(input);
        return input;
    }
}

/// <summary>Throws for the document with the given destination.</summary>
internal sealed class FailOn(string destination) : DocumentModule
{
    public override Document Execute(Document input, IExecutionContext context) =>
        input.Destination == destination ? throw new InvalidDataException("bad value in " + destination) : input;
}

/// <summary>Copies the destinations of a dependency's outputs into new documents.</summary>
internal sealed class FromDependency(string pipeline) : Module
{
    public override IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context) =>
        [.. context.OutputsOf(pipeline).Select(d => new Document("seen:" + d.Destination) { Content = d.Content })];
}
