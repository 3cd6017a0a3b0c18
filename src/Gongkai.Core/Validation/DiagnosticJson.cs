namespace Gongkai.Validation;

/// <summary>The JSON shape of a diagnostic for CI systems (<c>gongkai check --format json</c>).</summary>
public sealed record DiagnosticJson(string Code, string Severity, string File, int Line, int Column, string? Field, string Message, string? Hint)
{
    /// <summary>The shape of <paramref name="d"/>.</summary>
    public static DiagnosticJson From(Diagnostic d) =>
        new(d.Code, d.Severity == Validation.Severity.Error ? "error" : "warning", d.Location.File, d.Location.Line, d.Location.Column,
            d.Field, d.Message, d.Hint);
}
