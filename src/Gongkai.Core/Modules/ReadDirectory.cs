using Gongkai.Pipelines;

namespace Gongkai.Modules;

/// <summary>Adds a document to copy for every file under a folder, in ordinal path order; a missing folder adds none.</summary>
public sealed class ReadDirectory(string folder, string destinationPrefix) : Module
{
    /// <inheritdoc />
    public override IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        if (!Directory.Exists(folder))
        {
            return inputs;
        }

        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => new Document(destinationPrefix + f.Relative) { CopyFrom = f.Full });
        return [.. inputs, .. files];
    }
}
