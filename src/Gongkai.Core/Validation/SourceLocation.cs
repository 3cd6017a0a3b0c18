namespace Gongkai.Validation;

/// <summary>A place in an input file: path relative to the input root (with '/'), 1-based line and column (0 when unknown).</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location naming only a file.</summary>
    public static SourceLocation OfFile(string file) => new(file, 0, 0);

    /// <summary>"path:line:column", or less when line or column is unknown.</summary>
    public override string ToString() =>
        Line == 0 ? File : Column == 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
