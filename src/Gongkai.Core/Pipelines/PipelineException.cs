namespace Gongkai.Pipelines;

/// <summary>A module failed: names the pipeline, module and document so the message says where to look.</summary>
public sealed class PipelineException(string pipeline, string module, string? document, Exception inner)
    : Exception(Describe(pipeline, module, document, inner), inner)
{
    /// <summary>The pipeline that failed.</summary>
    public string PipelineName { get; } = pipeline;

    /// <summary>The module that threw.</summary>
    public string ModuleName { get; } = module;

    /// <summary>The document being processed, when it was a per-document module.</summary>
    public string? DocumentName { get; } = document;

    private static string Describe(string pipeline, string module, string? document, Exception inner) =>
        document is null
            ? $"pipeline '{pipeline}', module '{module}': {inner.Message}"
            : $"pipeline '{pipeline}', module '{module}', document '{document}': {inner.Message}";
}
