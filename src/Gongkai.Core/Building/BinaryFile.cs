namespace Gongkai.Building;

/// <summary>The build cache's binary files (<see cref="StampBinary"/>, <see cref="RegionBinary"/>): written whole, read whole or not at all.</summary>
public static class BinaryFile
{
    // Written, and read when larger, through a buffer this large: the stamp of 10,000 reports is 1.9 MB, and read whole it
    // was one more large array to allocate and fault in; a file no larger (a region's model, 26 KB) is read whole.
    private const int Buffer = 1 << 16;

    /// <summary>Writes a new file at <paramref name="path"/>.</summary>
    public static void Write(string path, Action<BinaryWriter> write)
    {
        using var writer = new BinaryWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, Buffer));
        write(writer);
    }

    /// <summary>
    /// What <paramref name="read"/> makes of the file at <paramref name="path"/>, or null when there is no file, or it
    /// ends early or late (a build stopped while writing it, or a file that is not one of these).
    /// </summary>
    public static T? Read<T>(string path, Func<BinaryReader, T?> read) where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }

        // Read whole, the reader takes each string in place, with no call to the stream per field (99 regions' models are
        // read after one change on 10,000 reports).
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        Stream stream;
        if (length <= Buffer)
        {
            var bytes = new byte[length];
            stream = new MemoryStream(bytes, 0, RandomAccess.Read(file, bytes, 0), writable: false, publiclyVisible: true);
        }
        else
        {
            stream = new FileStream(file, FileAccess.Read, Buffer);
        }

        using var reader = new BinaryReader(stream);
        try
        {
            var value = read(reader);
            return reader.BaseStream.Position == reader.BaseStream.Length ? value : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }
}
