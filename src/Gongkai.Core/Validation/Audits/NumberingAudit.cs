using Gongkai.Input;
using Gongkai.Model;

namespace Gongkai.Validation.Audits;

/// <summary>
/// GK0404, GK0405, GK0406: catalogue numbers run 1..n without gaps or repeats, ids are unique in a disclosure, and an
/// alias (a former id) is not the id or alias of another entry, so every address leads to one page.
/// </summary>
public sealed class NumberingAudit : DisclosureAudit
{
    /// <inheritdoc />
    protected override void Check(Disclosure disclosure, SourceMap sources, DiagnosticBag diagnostics)
    {
        var entries = disclosure.Entries ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].No != i + 1)
            {
                diagnostics.Error("GK0404", sources.Of(entries[i], "no"),
                    $"entry number {entries[i].No} is out of sequence: expected {i + 1}",
                    "number the entries 1, 2, 3 … in the order of the source's catalogue, without gaps or repeats", $"[{i}].no");
                break;
            }
        }

        var firstWithId = new Dictionary<string, CatalogueEntry>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (!firstWithId.TryAdd(entries[i].Id, entries[i]))
            {
                diagnostics.Error("GK0405", sources.Of(entries[i], "id"),
                    $"id \"{entries[i].Id}\" is already used by entry {firstWithId[entries[i].Id].No}", "each entry needs its own id", $"[{i}].id");
            }
        }

        for (var i = 0; i < entries.Count; i++)
        {
            foreach (var alias in entries[i].Aliases)
            {
                if (!firstWithId.TryAdd(alias, entries[i]))
                {
                    diagnostics.Error("GK0406", sources.Of(entries[i], "aliases"),
                        $"alias \"{alias}\" is also the id or alias of entry {firstWithId[alias].No}", "an old address can lead to one page only", $"[{i}].aliases");
                }
            }
        }
    }
}
