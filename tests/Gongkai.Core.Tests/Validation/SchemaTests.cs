using System.Globalization;
using Gongkai.Input;
using Gongkai.Input.Binding;
using Gongkai.Input.Tree;
using Gongkai.Model;
using Gongkai.Tests.Support;
using Gongkai.Validation;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Gongkai.Tests.Validation;

/// <summary>The JSON Schemas in schema/ (for editors) agree with what the readers accept.</summary>
public sealed class SchemaTests
{
    private static JsonSchema Schema(string name) =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(Repo.Root, "schema", name))).GetAwaiter().GetResult();

    public static TheoryData<string, string, string[]> Fields => new()
    {
        { "site.schema.json", "", SiteInfoBinder.Known },
        { "region.schema.json", "", RegionBinder.Known },
        { "disclosure.schema.json", "", DisclosureBinder.Known },
        { "disclosure.schema.json", "evaluation", DisclosureBinder.EvaluationKnown },
        { "disclosure.schema.json", "evaluation.byCategory", [.. Category.All.Select(c => c.Id)] },
        { "disclosure.schema.json", "indicators.items", DisclosureBinder.IndicatorKnown },
        { "reports.schema.json", "items", CatalogueBinder.Known },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Schema_fields_are_exactly_the_fields_the_reader_knows(string file, string path, string[] known)
    {
        var schema = Schema(file);
        foreach (var step in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            schema = step == "items" ? schema.Item! : schema.Properties[step];
        }

        Assert.Equal(known.Order(StringComparer.Ordinal), schema.Properties.Keys.Where(k => k != "$schema").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_sample_input_is_valid_against_the_schemas()
    {
        var errors = new List<string>();
        void Check(string schema, string relative, InputNode node) =>
            errors.AddRange(Schema(schema).Validate(ToJson(node)).Select(e => $"{relative}: {e}"));

        Check("site.schema.json", "site.json", ReadJson("site.json"));
        foreach (var regionDir in Directory.GetDirectories(Path.Combine(Repo.Input, "regions")))
        {
            var slug = Path.GetFileName(regionDir);
            Check("region.schema.json", $"regions/{slug}/region.json", ReadJson($"regions/{slug}/region.json"));
            foreach (var yearDir in Directory.GetDirectories(regionDir))
            {
                var folder = $"regions/{slug}/{Path.GetFileName(yearDir)}";
                Check("disclosure.schema.json", folder + "/disclosure.md", ReadFrontMatter(folder + "/disclosure.md"));
                if (File.Exists(Path.Combine(Repo.Input, folder, "reports.json")))
                {
                    Check("reports.schema.json", folder + "/reports.json", ReadJson(folder + "/reports.json"));
                }
            }
        }

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""[{ "no": 1, "id": "a", "title": "t", "status": "published", "score": 101 }]""")]
    [InlineData("""[{ "no": 1, "id": "a", "status": "withheld" }]""")]
    [InlineData("""[{ "no": 1, "id": "a", "status": "published" }]""")]
    [InlineData("""[{ "no": 1, "id": "A b", "title": "t", "status": "published" }]""")]
    [InlineData("""[{ "no": 1, "id": "a", "title": "t", "status": "published", "grade": "A" }]""")]
    [InlineData("""[{ "no": 1, "id": "a", "title": "t", "status": "published", "withheldReson": "x" }]""")]
    public void The_catalogue_schema_rejects_what_the_reader_rejects(string json)
    {
        Assert.NotEmpty(Schema("reports.schema.json").Validate(json));

        var diagnostics = new DiagnosticBag();
        CatalogueBinder.Bind(JsonTreeReader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "reports.json", diagnostics)!, new NoFiles(), new SourceMap(), diagnostics);
        Assert.True(diagnostics.HasErrors);
    }

    private static InputNode ReadJson(string relative) =>
        JsonTreeReader.Parse(File.ReadAllBytes(Path.Combine(Repo.Input, relative)), relative, new DiagnosticBag())!;

    private static InputNode ReadFrontMatter(string relative)
    {
        var parts = FrontMatter.Split(File.ReadAllText(Path.Combine(Repo.Input, relative)), relative, new DiagnosticBag())!;
        return YamlTreeReader.Parse(parts.Yaml, relative, parts.YamlFirstLine, new DiagnosticBag())!;
    }

    private static JToken ToJson(InputNode node) => node switch
    {
        InputMap map => new JObject(map.Properties.Select(p => new JProperty(p.Key, ToJson(p.Value)))),
        InputList list => new JArray(list.Items.Select(ToJson)),
        InputScalar { Kind: ScalarKind.Number } s when s.Text.Contains('.') => new JValue(decimal.Parse(s.Text, CultureInfo.InvariantCulture)),
        InputScalar { Kind: ScalarKind.Number } s => new JValue(long.Parse(s.Text, CultureInfo.InvariantCulture)),
        InputScalar { Kind: ScalarKind.Boolean } s => new JValue(s.Text is "true" or "True"),
        InputScalar { Kind: ScalarKind.Null } => JValue.CreateNull(),
        InputScalar s => new JValue(s.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private sealed class NoFiles : IReportFiles
    {
        public ReportBody? LoadBody(string relativePath, SourceLocation namedAt) => null;

        public Attachment? FindAttachment(string relativePath, SourceLocation namedAt) => null;
    }
}
