using System.Text.Json.Serialization;
using Gongkai.Archive;
using Gongkai.Archive.Wacz;
using Gongkai.Charts;
using Gongkai.Pages;
using Gongkai.Validation;

namespace Gongkai.Data;

/// <summary>
/// Serialisation code for every type the generator writes or reads as JSON, made at compile time: no reflection at run
/// time, so the CLI can be compiled ahead of time (Native AOT) and still write the same bytes.
/// </summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(BuildInfo))]
[JsonSerializable(typeof(SnapshotManifest))]
[JsonSerializable(typeof(WebManifest))]
[JsonSerializable(typeof(ChartJsConfig))]
[JsonSerializable(typeof(RedactionReport))]
[JsonSerializable(typeof(DisclosureData))]
[JsonSerializable(typeof(List<EntryData>))]
[JsonSerializable(typeof(List<DiagnosticJson>))]
[JsonSerializable(typeof(WaczPackage.CdxjFields))]
[JsonSerializable(typeof(WaczPackage.PageLine))]
[JsonSerializable(typeof(WaczPackage.PagesHeader))]
[JsonSerializable(typeof(WaczPackage.DataPackageJson))]
[JsonSerializable(typeof(WaczPackage.DigestJson))]
internal sealed partial class DataJsonContext : JsonSerializerContext;
