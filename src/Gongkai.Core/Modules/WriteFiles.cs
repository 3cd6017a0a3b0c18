using System.Text;
using Gongkai.Pipelines;

namespace Gongkai.Modules;

/// <summary>
/// Writes each document's content (UTF-8, no BOM) or copies its file to the output folder, then drops the content so
/// the rendered page does not stay in memory. Files are always new in the staging folder, never truncated and rewritten.
/// </summary>
public sealed class WriteFiles : DocumentModule
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    public override Document Execute(Document input, IExecutionContext context)
    {
        var target = Path.Combine(context.OutputRoot, input.Destination);
        if (!Path.GetFullPath(target).StartsWith(Path.GetFullPath(context.OutputRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"destination '{input.Destination}' is outside the output folder");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (input.Content is { } content)
        {
            File.WriteAllBytes(target, Utf8.GetBytes(content));
        }
        else if (input.CopyFrom is { } source)
        {
            File.Copy(source, target);
        }
        else
        {
            throw new InvalidOperationException($"document '{input.Destination}' has neither content nor a file to copy");
        }

        return input with { Content = null };
    }
}
