using Gongkai.Model;
using Gongkai.Validation;

namespace Gongkai.Input;

/// <summary>
/// What a rebuild does not read again: the files under region folders whose files are as the last build found them
/// (<see cref="IsKept"/>, by input path), so their report bodies become <see cref="KeptBody"/>; and of those regions,
/// each one whose checked model that build left (<see cref="Regions"/>, by slug), so neither its catalogues nor its
/// narratives are read and checked again. <see cref="Passages"/>: how many passages that build cut from each body (none
/// when absent); <see cref="Warnings"/>: what it reported, of which the warnings about what is kept are reported again.
/// </summary>
public sealed record KeptInput(
    Func<string, bool> IsKept,
    IReadOnlyDictionary<string, Region> Regions,
    IReadOnlyDictionary<string, int> Passages,
    IReadOnlyList<Diagnostic> Warnings);
