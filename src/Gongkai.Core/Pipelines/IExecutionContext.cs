namespace Gongkai.Pipelines;

/// <summary>What a module may know of the run: its pipeline, where output goes, and the outputs of pipelines it depends on.</summary>
public interface IExecutionContext
{
    /// <summary>The pipeline being executed.</summary>
    string PipelineName { get; }

    /// <summary>The absolute folder output is written to (a staging folder during a build).</summary>
    string OutputRoot { get; }

    /// <summary>The most documents processed at once.</summary>
    int Parallelism { get; }

    /// <summary>Cancelled when another pipeline failed.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>The documents a declared dependency produced; asking for an undeclared one is an error.</summary>
    IReadOnlyList<Document> OutputsOf(string pipelineName);
}
