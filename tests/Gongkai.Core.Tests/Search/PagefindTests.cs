using Gongkai.Rendering;
using Gongkai.Search;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Search;

public sealed class PagefindTests : IDisposable
{
    private readonly TempFolder _temp = new();

    // On tmpfs a folder lists its files in the order they were made (ext4 in an order of its own, the same for the same
    // names), so two copies made in opposite orders list their pages differently: where there is one, they are made there.
    private readonly string _pages;

    public PagefindTests() =>
        _pages = Directory.Exists("/dev/shm") && !OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(Path.Combine("/dev/shm", "gongkai-tests-" + Guid.NewGuid().ToString("N"))).FullName
            : _temp["pages"];

    public void Dispose()
    {
        if (!_pages.StartsWith(_temp.Path, StringComparison.Ordinal) && Directory.Exists(_pages))
        {
            Directory.Delete(_pages, recursive: true);
        }

        _temp.Dispose();
    }

    [Fact]
    public void The_index_is_the_same_whatever_order_the_file_system_lists_the_pages_in()
    {
        ThemePackages.Ensure(Repo.Theme);
        var binary = Pagefind.FindBinary(Repo.Theme)!;
        var pages = Enumerable.Range(0, 24)
            .Select(i => ($"regions/r{i % 4}/2023/reports/report-{i:D2}/index.html",
                $"<!DOCTYPE html><html lang=\"zh-CN\"><head><title>报告{i}</title></head><body><main data-pagefind-body>" +
                $"<h1>第{i}号绩效评价报告</h1><p>项目资金{i * 37}万元，得分{60 + i}分，评价等级{(i % 2 == 0 ? "良" : "中")}。</p>" +
                $"<span data-pagefind-filter=\"地区\">地区{i % 4}</span></main></body></html>"))
            .ToList();
        var forward = Write(Path.Combine(_pages, "forward"), pages);
        var backward = Write(Path.Combine(_pages, "backward"), Enumerable.Reverse(pages));

        var relative = pages.Select(p => p.Item1).ToList();
        Pagefind.Index(binary, forward, _temp["forward"], relative);
        Pagefind.Index(binary, backward, _temp["backward"], Enumerable.Reverse(relative));

        var (a, b) = (OutputTree.Hashes(_temp["forward"]), OutputTree.Hashes(_temp["backward"]));
        Assert.Contains(a.Keys, k => k.EndsWith(".pf_index", StringComparison.Ordinal));
        Assert.Equal(a, b);
    }

    // A Pagefind that stops, and one that prints a note on its output: each fails the stage with what it said.
    [Theory]
    [InlineData("echo planted failure >&2\nexit 3", "pagefind exit 3", "planted failure")]
    [InlineData("printf 'Note: something,'\ncat >/dev/null", "pagefind exit 0", "not in the service's protocol: Note: something")]
    public void A_Pagefind_that_fails_is_reported_with_its_exit_code_and_what_it_said(string script, string exit, string said)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fake = _temp.Write("pagefind_extended", $"#!/bin/sh\n{script}\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var site = Write(Path.Combine(_pages, "site"), [("index.html", "<html><body><p>一页</p></body></html>")]);

        var e = Assert.Throws<SearchIndexException>(() => Pagefind.Index(fake, site, _temp["out"], ["index.html"]));

        Assert.Contains(exit, e.Message);
        Assert.Contains(said, e.Message);
    }

    private static string Write(string folder, IEnumerable<(string Path, string Html)> pages)
    {
        foreach (var (path, html) in pages)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, html);
        }

        return folder;
    }
}
