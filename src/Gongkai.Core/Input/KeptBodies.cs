using Gongkai.Model;
using Gongkai.Validation;

namespace Gongkai.Input;

/// <summary>
/// The report bodies a rebuild does not read (see <see cref="KeptBody"/>): those under region folders whose files are
/// as the last build found them (<see cref="IsKept"/>, by input path). <see cref="Passages"/>: how many passages that
/// build cut from each body (none when absent); <see cref="Warnings"/>: what it reported, of which the warnings about
/// kept bodies are reported again.
/// </summary>
public sealed record KeptBodies(Func<string, bool> IsKept, IReadOnlyDictionary<string, int> Passages, IReadOnlyList<Diagnostic> Warnings);
