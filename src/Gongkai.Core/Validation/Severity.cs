namespace Gongkai.Validation;

/// <summary>How serious a diagnostic is: errors stop the build, warnings do not.</summary>
public enum Severity
{
    Error,
    Warning,
}
