using Gongkai.Validation;

namespace Gongkai.Input.Tree;

/// <summary>A value read from JSON or YAML, with where it stands in its file; JSON and YAML share this tree so one binder serves both.</summary>
public abstract record InputNode(SourceLocation Location)
{
    /// <summary>What this node is, in the words an error message uses ("a string", "an object" …).</summary>
    public abstract string Describe();
}

/// <summary>The kinds of scalar the binder tells apart.</summary>
public enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A string, number, boolean or null, kept as its source text so decimals lose nothing.</summary>
public sealed record InputScalar(SourceLocation Location, string Text, ScalarKind Kind) : InputNode(Location)
{
    /// <inheritdoc />
    public override string Describe() => Kind switch
    {
        ScalarKind.String => $"\"{Text}\"",
        ScalarKind.Null => "null",
        _ => Text,
    };
}

/// <summary>A list of values.</summary>
public sealed record InputList(SourceLocation Location, IReadOnlyList<InputNode> Items) : InputNode(Location)
{
    /// <inheritdoc />
    public override string Describe() => "a list";
}

/// <summary>An object (JSON) or mapping (YAML) with its properties in source order.</summary>
public sealed record InputMap(SourceLocation Location, IReadOnlyList<InputProperty> Properties) : InputNode(Location)
{
    /// <inheritdoc />
    public override string Describe() => "an object";

    /// <summary>The value of a property, or null when absent.</summary>
    public InputNode? this[string key]
    {
        get
        {
            // Indexed, not foreach: through the interface, each lookup (15 per catalogue entry) would box an enumerator.
            for (var i = 0; i < Properties.Count; i++)
            {
                if (Properties[i].Key == key)
                {
                    return Properties[i].Value;
                }
            }

            return null;
        }
    }
}

/// <summary>A key, where the key stands, and its value.</summary>
public sealed record InputProperty(string Key, SourceLocation KeyLocation, InputNode Value);
