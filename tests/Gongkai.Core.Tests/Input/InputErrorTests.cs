using System.Text;
using Gongkai.Input;
using Gongkai.Tests.Support;
using Gongkai.Validation;

namespace Gongkai.Tests.Input;

public sealed class InputErrorTests : IDisposable
{
    private readonly MinimalInput _input = new();

    public void Dispose() => _input.Dispose();

    private IReadOnlyList<Diagnostic> Read()
    {
        var bag = new DiagnosticBag();
        new InputReader(_input.Root, bag).Read();
        return bag.Sorted();
    }

    private Diagnostic Single() => Assert.Single(Read());

    [Fact]
    public void The_minimal_input_is_valid() => Assert.Empty(Read());

    [Fact]
    public void A_json_syntax_error_gives_file_line_and_column()
    {
        _input.Write(MinimalInput.CatalogueFile, "[\n  { \"no\": 1,, \"id\": \"x\" }\n]");
        var d = Single();
        Assert.Equal("GK0005", d.Code);
        Assert.Equal(new SourceLocation(MinimalInput.CatalogueFile, 2, 13), d.Location);
    }

    [Fact]
    public void An_unknown_field_that_is_a_near_miss_gets_a_hint()
    {
        _input.Replace(MinimalInput.CatalogueFile, "\"withheldReason\"", "\"withheldReson\"");
        var diagnostics = Read();
        var unknown = diagnostics.Single(d => d.Code == "GK0103");
        Assert.Equal("did you mean \"withheldReason\"?", unknown.Hint);
        Assert.Equal(3, unknown.Location.Line);
        Assert.Contains(diagnostics, d => d.Code == "GK0100" && d.Message.Contains("withheldReason"));
    }

    [Fact]
    public void A_missing_required_front_matter_field_is_reported()
    {
        _input.Replace(MinimalInput.DisclosureFile, "fiscalYear: 2023\n", "");
        var d = Single();
        Assert.Equal("GK0100", d.Code);
        Assert.Equal("missing required field \"fiscalYear\"", d.Message);
    }

    [Fact]
    public void A_gbk_file_is_named_as_such()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _input.WriteBytes("regions/demo/region.json", Encoding.GetEncoding("GB18030").GetBytes("""{ "name": "示例市", "level": "市" }"""));
        var d = Single();
        Assert.Equal("GK0002", d.Code);
        Assert.Contains("GB18030", d.Hint);
    }

    [Fact]
    public void A_utf8_bom_and_crlf_are_accepted()
    {
        var text = File.ReadAllText(Path.Combine(_input.Root, MinimalInput.DisclosureFile)).Replace("\n", "\r\n");
        _input.WriteBytes(MinimalInput.DisclosureFile, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);
        Assert.Empty(Read());
    }
}
