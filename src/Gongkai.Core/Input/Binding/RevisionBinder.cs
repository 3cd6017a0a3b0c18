using Gongkai.Input.Tree;
using Gongkai.Model;
using Gongkai.Validation;

namespace Gongkai.Input.Binding;

/// <summary>Binds a <c>revisions</c> list (of a disclosure's front matter or of a catalogue entry), oldest first.</summary>
public static class RevisionBinder
{
    /// <summary>The fields of a revision.</summary>
    public static readonly string[] Known = ["date", "note"];

    /// <summary>The revisions sorted by date (stable for equal dates); items with errors are left out (and reported).</summary>
    public static IReadOnlyList<Revision> Bind(InputList list, string path, DiagnosticBag diagnostics)
    {
        var revisions = new List<Revision>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (list.Items[i] is not InputMap map)
            {
                diagnostics.Error("GK0101", list.Items[i].Location, $"a revision must have \"date\" and \"note\", got {list.Items[i].Describe()}", null, itemPath);
                continue;
            }

            var f = new Fields(map, diagnostics, itemPath);
            f.RejectUnknown(Known);
            var date = f.Date("date", required: true);
            var note = f.String("note", required: true);
            if (date is not null && note is not null)
            {
                revisions.Add(new Revision(date, note));
            }
        }

        return [.. revisions.OrderBy(r => r.Date, StringComparer.Ordinal)];
    }
}
