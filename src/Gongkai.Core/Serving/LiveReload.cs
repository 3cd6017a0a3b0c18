using System.Text.Json.Nodes;
using Gongkai.Rendering;

namespace Gongkai.Serving;

/// <summary>
/// The state of a preview: which build the pages come from, and the errors of the last build if it failed; a failure
/// that is not the build's (the search index, made after the pages were shown) brings its own <see cref="Title"/> for
/// the overlay.
/// </summary>
public sealed record PreviewState(int Build, bool Ok, IReadOnlyList<string> Errors, string? Title = null)
{
    /// <summary>The state as the live-reload script receives it.</summary>
    public string ToJson() =>
        new JsonObject { ["build"] = Build, ["ok"] = Ok, ["errors"] = new JsonArray([.. Errors.Select(e => JsonValue.Create(e))]), ["title"] = Title }.ToJsonString();
}

/// <summary>
/// The live-reload script of <c>gongkai serve</c>, added to pages as they are served (never to built files): it listens
/// for build events, reloads after a good build and shows the errors of a bad one in an overlay over the last good page.
/// </summary>
public static class LiveReload
{
    /// <summary>The event stream's path under the site's prefix.</summary>
    public const string EventsPath = "_gongkai/live";

    /// <summary>The page with the script before its closing body tag (at the end when there is none).</summary>
    public static string Inject(string html, string prefix, int build)
    {
        var script = $"<script>{Script.Replace("%EVENTS%", JsonValue.Create(prefix + EventsPath).ToJsonString()).Replace("%BUILD%", build.ToString(System.Globalization.CultureInfo.InvariantCulture))}</script>\n";
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + script : html.Insert(end, script);
    }

    /// <summary>A page shown when no build has succeeded yet, so there is nothing else to serve.</summary>
    public static string WaitingPage(string prefix, int build) =>
        Inject("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>gongkai serve</title></head><body><p>" +
            HtmlText.Escape("等待第一次成功构建…") + "</p></body></html>", prefix, build);

    // The overlay is built with textContent only: diagnostics quote input text and must not become markup.
    private const string Script = """
        (function () {
          var served = %BUILD%, overlay = null;
          var source = new EventSource(%EVENTS%);
          source.onmessage = function (event) {
            var state = JSON.parse(event.data);
            if (state.ok && state.build !== served) { location.reload(); return; }
            if (!state.ok) { show(state.title, state.errors); }
          };
          function show(heading, errors) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "gongkai-errors";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:0;overflow:auto;z-index:2147483647;background:#fff;color:#000;padding:1rem;font:14px/1.5 monospace;border:4px solid #b00020";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "";
            var title = document.createElement("h2");
            title.textContent = heading || "构建失败：修改以下问题后页面会自动刷新";
            overlay.appendChild(title);
            errors.forEach(function (line) {
              var p = document.createElement("pre");
              p.style.whiteSpace = "pre-wrap";
              p.textContent = line;
              overlay.appendChild(p);
            });
          }
        })();
        """;
}
