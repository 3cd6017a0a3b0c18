using Gongkai.Data;
using Gongkai.Pipelines;
using Gongkai.Validation;

namespace Gongkai.Building;

/// <summary>
/// How a build went: diagnostics, and for a successful build what was written, what was withheld and how long it took.
/// <see cref="UpToDate"/>: nothing had changed since the last build into the output folder, so nothing was done;
/// <see cref="Kept"/>: how many files made from unchanged input were left as the last build wrote them;
/// <see cref="TextEdit"/>: only the text of report bodies had changed, and only those were read (see <see cref="Gongkai.Building.TextEdit"/>);
/// <see cref="TemplatesInterpreted"/>: why Scriban interpreted the theme's templates, when it did (see <see cref="Rendering.Theme.Interpreted"/>).
/// </summary>
public sealed record BuildResult(
    bool Succeeded,
    IReadOnlyList<Diagnostic> Diagnostics,
    string? Error,
    int Pages,
    int Files,
    long Bytes,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, TimeSpan> PipelineDurations,
    RedactionReport? Redactions,
    TimeSpan SearchElapsed = default,
    IReadOnlyDictionary<string, PhaseTime>? Phases = null,
    bool UpToDate = false,
    int Kept = 0,
    IReadOnlyList<ModuleTime>? Modules = null,
    string? TemplatesInterpreted = null,
    bool TextEdit = false)
{
    /// <summary>A build that stopped before writing anything.</summary>
    public static BuildResult Failed(IReadOnlyList<Diagnostic> diagnostics, string? error, TimeSpan elapsed) =>
        new(false, diagnostics, error, 0, 0, 0, elapsed, new Dictionary<string, TimeSpan>(), null);
}

/// <summary>
/// How long a build phase took, on the clock and in processor time of all threads (more than the clock when it ran in
/// parallel), how many bytes it allocated, how many collections were made in it (of any generation) and how long they
/// paused the threads.
/// </summary>
public readonly record struct PhaseTime(TimeSpan Wall, TimeSpan Cpu, long Allocated, int Collections, TimeSpan Paused);
