using System.Collections.Concurrent;
using Gongkai.Input.Tree;
using Gongkai.Validation;

namespace Gongkai.Input;

/// <summary>
/// Where each model object and each of its fields came from, so checks that run on the model (audits) can point at
/// the line to fix. Keyed by object identity: the model's records compare by value, but two equal entries are two places.
/// Regions are read in parallel, so objects may be recorded from several threads (each object's fields from one).
/// </summary>
public sealed class SourceMap
{
    private readonly ConcurrentDictionary<object, Dictionary<string, SourceLocation>> _places = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records an object read from a map, with the position of each of its fields.</summary>
    public void Record(object item, InputMap map)
    {
        var fields = new Dictionary<string, SourceLocation>(StringComparer.Ordinal) { [""] = map.Location };
        foreach (var property in map.Properties)
        {
            fields[property.Key] = property.Value.Location;
        }

        _places[item] = fields;
    }

    /// <summary>Records one field's position of an object (e.g. where a markdown body starts).</summary>
    public void Record(object item, string field, SourceLocation location)
    {
        if (!_places.TryGetValue(item, out var fields))
        {
            _places[item] = fields = new Dictionary<string, SourceLocation>(StringComparer.Ordinal) { [""] = location };
        }

        fields[field] = location;
    }

    /// <summary>True when the object's field was written in the input (not defaulted or derived).</summary>
    public bool Has(object item, string field) => _places.TryGetValue(item, out var fields) && fields.ContainsKey(field);

    /// <summary>Where a field was written; where the object was, when the field was not; or nowhere known.</summary>
    public SourceLocation Of(object item, string field = "") =>
        _places.TryGetValue(item, out var fields)
            ? fields.TryGetValue(field, out var at) ? at : fields[""]
            : new SourceLocation("", 0, 0);
}
