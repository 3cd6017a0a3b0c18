namespace Gongkai.Validation;

/// <summary>Collects diagnostics from readers and checks; safe to add to from several threads.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    /// <summary>Adds an error.</summary>
    public void Error(string code, SourceLocation at, string message, string? hint = null, string? field = null) =>
        Add(new Diagnostic(code, Severity.Error, at, message, hint, field));

    /// <summary>Adds a warning.</summary>
    public void Warning(string code, SourceLocation at, string message, string? hint = null, string? field = null) =>
        Add(new Diagnostic(code, Severity.Warning, at, message, hint, field));

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        lock (_lock)
        {
            _items.Add(diagnostic);
        }
    }

    /// <summary>True when at least one error was reported.</summary>
    public bool HasErrors
    {
        get
        {
            lock (_lock)
            {
                return _items.Exists(d => d.Severity == Severity.Error);
            }
        }
    }

    /// <summary>All diagnostics sorted by file, line, column and code, so output does not depend on thread timing.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_lock)
        {
            return [.. _items
                .OrderBy(d => d.Location.File, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)];
        }
    }
}
