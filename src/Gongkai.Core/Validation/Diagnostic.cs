namespace Gongkai.Validation;

/// <summary>A problem in the input: a stable code, where it is (file position and field path such as <c>[2].score</c>), what is wrong and how to fix it.</summary>
public sealed record Diagnostic(string Code, Severity Severity, SourceLocation Location, string Message, string? Hint = null, string? Field = null)
{
    /// <summary>"path:line:column: error GK0000: message (hint)", the form compilers use so editors can jump to it.</summary>
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var hint = Hint is null ? "" : $" ({Hint})";
        return $"{Location}: {kind} {Code}: {Message}{hint}";
    }
}
