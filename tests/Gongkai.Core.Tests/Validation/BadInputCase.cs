using Gongkai.Tests.Support;
using Gongkai.Validation;

namespace Gongkai.Tests.Validation;

/// <summary>A patch that breaks <see cref="MinimalInput"/> and the diagnostic it must produce (line and column 0: the file as a whole).</summary>
public sealed record BadInputCase(string Name, Action<MinimalInput> Patch, string Code, string File, int Line, int Column, Severity Severity = Severity.Error)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
