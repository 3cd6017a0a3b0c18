using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gongkai.Search;

/// <summary>Search indexing failed; the message is Pagefind's own.</summary>
public sealed class SearchIndexException(string message) : Exception(message);

/// <summary>
/// Runs Pagefind's extended binary (from the theme's npm packages; it segments Chinese with ICU4X) as a service and
/// hands it a site's pages one by one, in ordinal order of their paths, writing the index to <c>pagefind/</c> inside
/// the site. Pagefind numbers pages in the order it gets them: left to walk the folder itself, it took them in the
/// order the file system lists them (creation order on tmpfs, a hash seeded per file system on ext4), so the same
/// pages gave another index from one build or machine to the next. No Node.js is needed and no network is used.
/// </summary>
public static class Pagefind
{
    /// <summary>The folder the index is written to, inside the site.</summary>
    public const string Folder = "pagefind";

    /// <summary>The extended binary in the theme's <c>node_modules/@pagefind/&lt;platform&gt;/bin</c>, or null when the theme has none.</summary>
    public static string? FindBinary(string themeRoot)
    {
        var packages = Path.Combine(themeRoot, "node_modules", "@pagefind");
        if (!Directory.Exists(packages))
        {
            return null;
        }

        return Directory.GetDirectories(packages).Order(StringComparer.Ordinal)
            .SelectMany(d => new[] { Path.Combine(d, "bin", "pagefind_extended"), Path.Combine(d, "bin", "pagefind_extended.exe") })
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Indexes <paramref name="pages"/> (paths relative to <paramref name="siteFolder"/>, with '/'; taken in ordinal
    /// order), writing the index to <paramref name="outputPath"/>; throws with Pagefind's own message when it fails.
    /// </summary>
    public static void Index(string binary, string siteFolder, string outputPath, IEnumerable<string> pages)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--service");
        using var process = Process.Start(start) ?? throw new SearchIndexException($"could not start {binary}");
        var errors = process.StandardError.ReadToEndAsync();
        var service = new Service(process);
        try
        {
            var index = service.Call("NewIndex", _ => { }).GetProperty("index_id").GetInt32();
            foreach (var page in pages.Order(StringComparer.Ordinal))
            {
                var html = File.ReadAllBytes(Path.Combine(siteFolder, page));
                service.Call("AddFile", w =>
                {
                    w.WriteNumber("index_id", index);
                    w.WriteString("file_path", page);
                    w.WriteString("file_contents", html);
                });
            }

            service.Call("WriteFiles", w =>
            {
                w.WriteNumber("index_id", index);
                w.WriteString("output_path", Path.GetFullPath(outputPath));
            });
        }
        catch (SearchIndexException e)
        {
            EndInput(process);
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
            }

            var exit = process.HasExited ? $"pagefind exit {process.ExitCode}" : "pagefind";
            throw new SearchIndexException($"search indexing failed ({exit}): {(e.Message + " " + errors.Result).Trim()}");
        }

        EndInput(process);
        process.WaitForExit();
    }

    // The service ends when its input does; one that has already ended has left a broken pipe, which is no news.
    private static void EndInput(Process process)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
        }
    }

    // Pagefind's service protocol: each message is JSON ({message_id, payload: {type, …}}) in base64, followed by a comma;
    // the service answers each in turn, with a payload of type "Error" when it failed.
    private sealed class Service(Process process)
    {
        private readonly Stream _in = process.StandardInput.BaseStream;
        // The answers a piece at a time: the pipe itself reads what it is asked for, one byte a system call.
        private readonly BufferedStream _out = new(process.StandardOutput.BaseStream, 1 << 16);
        // Chinese text as it is, not as \u escapes: half the bytes for Pagefind to decode.
        private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        private readonly MemoryStream _json = new();
        private readonly MemoryStream _reply = new();
        private int _id;

        public JsonElement Call(string type, Action<Utf8JsonWriter> fields)
        {
            _json.SetLength(0);
            using (var w = new Utf8JsonWriter(_json, Relaxed))
            {
                w.WriteStartObject();
                w.WriteNumber("message_id", ++_id);
                w.WriteStartObject("payload");
                w.WriteString("type", type);
                fields(w);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            var json = _json.GetBuffer().AsSpan(0, (int)_json.Length);
            var message = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(json.Length) + 1);
            try
            {
                Base64.EncodeToUtf8(json, message, out _, out var written);
                message[written] = (byte)',';
                _in.Write(message, 0, written + 1);
                _in.Flush();
            }
            catch (IOException e)
            {
                throw new SearchIndexException(e.Message);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(message);
            }

            var answer = Encoding.ASCII.GetString(Read());
            JsonElement payload;
            try
            {
                payload = JsonDocument.Parse(Convert.FromBase64String(answer)).RootElement.GetProperty("payload");
            }
            catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException)
            {
                throw new SearchIndexException($"{type}: an answer not in the service's protocol: {answer[..Math.Min(answer.Length, 200)]}");
            }

            if (payload.GetProperty("type").GetString() == "Error")
            {
                throw new SearchIndexException($"{type}: {payload.GetProperty("message").GetString()}");
            }

            return payload;
        }

        // The next answer, without its comma.
        private byte[] Read()
        {
            _reply.SetLength(0);
            for (var b = _out.ReadByte(); b != ','; b = _out.ReadByte())
            {
                if (b < 0)
                {
                    throw new SearchIndexException("the service ended without an answer");
                }

                _reply.WriteByte((byte)b);
            }

            return _reply.ToArray();
        }
    }
}
