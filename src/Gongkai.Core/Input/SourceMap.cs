using System.Collections.Concurrent;
using Gongkai.Input.Tree;
using Gongkai.Model;
using Gongkai.Validation;

namespace Gongkai.Input;

/// <summary>
/// Where each model object and each of its fields came from, so checks that run on the model (audits) can point at
/// the line to fix. Keyed by object identity: the model's records compare by value, but two equal entries are two places.
/// Regions are read in parallel, so objects may be recorded from several threads (each object's fields from one).
/// </summary>
public sealed class SourceMap
{
    private readonly ConcurrentDictionary<object, Place> _places = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Region, bool> _kept = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records an object read from a map, with the position of each of its fields.</summary>
    public void Record(object item, InputMap map)
    {
        var place = new Place(map.Location, map.Properties.Count);
        foreach (var property in map.Properties)
        {
            place.Add(property.Key, property.Value.Location);
        }

        _places[item] = place;
    }

    /// <summary>Records one field's position of an object (e.g. where a markdown body starts).</summary>
    public void Record(object item, string field, SourceLocation location) =>
        _places.GetOrAdd(item, _ => new Place(location, 1)).Add(field, location);

    /// <summary>Records a region taken from the last build instead of read (see <see cref="KeptInput"/>): it was checked then.</summary>
    public void Keep(Region region) => _kept[region] = true;

    /// <summary>True for a region taken from the last build: checks on the model pass it over, having run on it then.</summary>
    public bool IsKept(Region region) => _kept.ContainsKey(region);

    /// <summary>Where a field was written; where the object was, when the field was not; or nowhere known.</summary>
    public SourceLocation Of(object item, string field = "") =>
        _places.TryGetValue(item, out var place) ? place.Find(field) ?? place.Find("")!.Value : new SourceLocation("", 0, 0);

    // Where an object is (field "") and where its fields are: a few each, so a list searched from its end (the last
    // record of a field wins) costs less than a dictionary per object, which on 10,000 entries was a sixth of reading
    // the input.
    private sealed class Place
    {
        private readonly List<(string Field, SourceLocation At)> _fields;

        public Place(SourceLocation at, int fields) => _fields = new(fields + 1) { ("", at) };

        public void Add(string field, SourceLocation at) => _fields.Add((field, at));

        public SourceLocation? Find(string field)
        {
            for (var i = _fields.Count - 1; i >= 0; i--)
            {
                if (_fields[i].Field == field)
                {
                    return _fields[i].At;
                }
            }

            return null;
        }
    }
}
