namespace Gongkai.Building;

/// <summary>
/// Lists, maps and values that may be absent in the build cache's binary files (<see cref="BinaryFile"/>): a count or a
/// flag, then what it counts.
/// </summary>
internal static class BinaryFields
{
    /// <summary>
    /// Writes this generator build's identity (<see cref="BuildKeys.Generator"/>), first in a file whose fields another
    /// build may lay out otherwise: read by another, it is none (<see cref="IsOfThisGenerator"/>) before any field is.
    /// </summary>
    public static void WriteGenerator(this BinaryWriter w) => w.Write(BuildKeys.Generator);

    /// <summary>Whether the file was written by this generator build (see <see cref="WriteGenerator"/>).</summary>
    public static bool IsOfThisGenerator(this BinaryReader r) => r.ReadString() == BuildKeys.Generator;

    /// <summary>Writes a count, then each item.</summary>
    public static void WriteList<T>(this BinaryWriter w, IReadOnlyCollection<T> items, Action<BinaryWriter, T> write)
    {
        w.Write(items.Count);
        foreach (var item in items)
        {
            write(w, item);
        }
    }

    /// <summary>Reads what <see cref="WriteList"/> wrote.</summary>
    public static T[] ReadList<T>(this BinaryReader r, Func<BinaryReader, T> read)
    {
        var count = r.ReadInt32();
        if (count == 0)
        {
            return [];
        }

        var items = new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(r);
        }

        return items;
    }

    /// <summary>Writes a list that may be absent (null), which is not the same as an empty one.</summary>
    public static void WriteOptionalList<T>(this BinaryWriter w, IReadOnlyList<T>? items, Action<BinaryWriter, T> write)
    {
        w.Write(items is not null);
        if (items is not null)
        {
            w.WriteList(items, write);
        }
    }

    /// <summary>Reads what <see cref="WriteOptionalList"/> wrote.</summary>
    public static T[]? ReadOptionalList<T>(this BinaryReader r, Func<BinaryReader, T> read) => r.ReadBoolean() ? r.ReadList(read) : null;

    /// <summary>Writes a count, then each key and its value.</summary>
    public static void WriteMap<T>(this BinaryWriter w, IReadOnlyDictionary<string, T> map, Action<BinaryWriter, T> write)
    {
        w.Write(map.Count);
        foreach (var (key, value) in map)
        {
            w.Write(key);
            write(w, value);
        }
    }

    /// <summary>Reads what <see cref="WriteMap"/> wrote, keys compared ordinally.</summary>
    public static Dictionary<string, T> ReadMap<T>(this BinaryReader r, Func<BinaryReader, T> read)
    {
        var count = r.ReadInt32();
        var map = new Dictionary<string, T>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            map.Add(r.ReadString(), read(r));
        }

        return map;
    }

    /// <summary>Writes a string that may be absent.</summary>
    public static void WriteOptional(this BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    /// <summary>Writes a number that may be absent.</summary>
    public static void WriteOptional(this BinaryWriter w, decimal? value)
    {
        w.Write(value is not null);
        if (value is { } v)
        {
            w.Write(v);
        }
    }

    /// <summary>Reads a string <see cref="WriteOptional(BinaryWriter, string?)"/> wrote.</summary>
    public static string? ReadOptionalString(this BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    /// <summary>Reads a number <see cref="WriteOptional(BinaryWriter, decimal?)"/> wrote.</summary>
    public static decimal? ReadOptionalDecimal(this BinaryReader r) => r.ReadBoolean() ? r.ReadDecimal() : null;
}
