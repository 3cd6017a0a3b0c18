using System.Text;

namespace Gongkai.Archive;

/// <summary>
/// Writes text as UTF-8 into a buffer that is reused line after line: tree hashes and build keys hash a line per input
/// file (20,000 on 10,000 reports, several times a build), and a string and an array for each were most of their cost.
/// </summary>
internal static class HashText
{
    /// <summary>Writes <paramref name="text"/> at the start of <paramref name="buffer"/>, grown when needed so that <paramref name="room"/> more bytes fit after it; returns its length in bytes.</summary>
    public static int Start(ref byte[] buffer, string text, int room)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length) + room;
        if (buffer.Length < needed)
        {
            buffer = new byte[Math.Max(needed, 2 * buffer.Length)];
        }

        return Encoding.UTF8.GetBytes(text, buffer);
    }
}
