namespace Gongkai.Rendering;

/// <summary>A theme file is missing or a template does not parse; the message names file, line and column.</summary>
public sealed class ThemeException(string message) : Exception(message);
