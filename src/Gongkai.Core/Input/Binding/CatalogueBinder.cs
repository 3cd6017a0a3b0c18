using Gongkai.Input.Tree;
using Gongkai.Model;
using Gongkai.Validation;

namespace Gongkai.Input.Binding;

/// <summary>Files a catalogue entry names under <c>reports/</c>: bodies are loaded, attachments located.</summary>
public interface IReportFiles
{
    /// <summary>The body markdown at a path relative to <c>reports/</c>, or null (reported) when it cannot be read.</summary>
    ReportBody? LoadBody(string relativePath, SourceLocation namedAt);

    /// <summary>The attachment at a path relative to <c>reports/</c>, or null (reported) when it does not exist.</summary>
    Attachment? FindAttachment(string relativePath, SourceLocation namedAt);
}

/// <summary>Binds <c>reports.json</c>, the catalogue of a disclosure.</summary>
public static class CatalogueBinder
{
    /// <summary>The fields a catalogue entry may have.</summary>
    public static readonly string[] Known =
        ["no", "id", "title", "category", "amount", "amountNote", "score", "grade", "status", "withheldReason", "body", "url", "attachments", "aliases", "revisions"];

    /// <summary>The entries in file order; entries with errors are left out (and reported).</summary>
    public static IReadOnlyList<CatalogueEntry> Bind(InputNode root, IReportFiles files, SourceMap sources, DiagnosticBag diagnostics)
    {
        if (root is not InputList list)
        {
            diagnostics.Error("GK0101", root.Location, $"reports.json must hold a list of entries, got {root.Describe()}");
            return [];
        }

        var entries = new List<CatalogueEntry>();
        for (var index = 0; index < list.Items.Count; index++)
        {
            var item = list.Items[index];
            if (item is not InputMap map)
            {
                diagnostics.Error("GK0101", item.Location, $"a catalogue entry must be an object, got {item.Describe()}");
                continue;
            }

            if (BindEntry(new Fields(map, diagnostics, $"[{index}]"), files, diagnostics) is { } entry)
            {
                sources.Record(entry, map);
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static CatalogueEntry? BindEntry(Fields f, IReportFiles files, DiagnosticBag diagnostics)
    {
        var map = f.Map;
        f.RejectUnknown(Known);
        var no = f.Int("no", required: true, min: 1);
        var id = f.String("id", required: true);
        var status = BindStatus(f);
        var withheld = status == ReportStatus.Withheld;
        var title = f.String("title", required: status == ReportStatus.Published);
        var category = BindCategory(f);
        var amount = f.Decimal("amount");
        var amountNote = f.String("amountNote");
        var score = f.Decimal("score", min: 0, max: 100);
        var grade = BindGrade(f) ?? (score is { } s ? Grades.FromScore(s) : null);
        var reason = f.String("withheldReason", required: withheld);
        var url = f.String("url");
        var bodyPath = f.String("body");
        var attachmentPaths = f.List("attachments");
        var aliases = f.List("aliases") is { } aliasList ? AliasBinder.Bind(aliasList, "id", diagnostics) : [];
        var revisions = f.List("revisions") is { } revisionList ? RevisionBinder.Bind(revisionList, f.PathOf("revisions"), diagnostics) : [];

        if (id is not null && !Slugs.IsValid(id))
        {
            f.Error("GK0301", "id", $"\"id\" \"{id}\" is not URL-safe", Slugs.Rule);
            id = null;
        }

        if (no is null || id is null || status is null || (withheld && reason is null) || (!withheld && title is null))
        {
            return null;
        }

        // A withheld entry's body and attachments are never read, so nothing of them can reach the output.
        if (withheld && (bodyPath is not null || attachmentPaths is not null))
        {
            var key = bodyPath is not null ? "body" : "attachments";
            diagnostics.Warning("GK0306", f.LocationOf(key), $"withheld entry {no} names \"{key}\"; the files are kept out of the site",
                "nothing to fix if this is the office's own record", f.PathOf(key));
        }

        var body = !withheld && bodyPath is not null && SafePath(bodyPath, map["body"]!, diagnostics)
            ? files.LoadBody(bodyPath, map["body"]!.Location)
            : null;
        var attachments = withheld || attachmentPaths is null ? [] : BindAttachments(attachmentPaths, files, diagnostics);

        return new CatalogueEntry(no.Value, id, title, category, amount, amountNote, score, grade, status.Value,
            reason, body, url, attachments, aliases, revisions);
    }

    private static ReportStatus? BindStatus(Fields f)
    {
        var text = f.String("status", required: true);
        switch (text)
        {
            case null:
                return null;
            case "published":
                return ReportStatus.Published;
            case "withheld":
                return ReportStatus.Withheld;
            default:
                f.Error("GK0102", "status", $"\"status\" must be \"published\" or \"withheld\", got \"{text}\"");
                return null;
        }
    }

    private static Category? BindCategory(Fields f)
    {
        var id = f.String("category");
        if (id is null)
        {
            return null;
        }

        var category = Category.Find(id);
        if (category is null)
        {
            f.Error("GK0302", "category", $"unknown category \"{id}\"",
                $"use one of: {string.Join(", ", Category.All.Select(c => c.Id))}");
        }

        return category;
    }

    private static Grade? BindGrade(Fields f)
    {
        var label = f.String("grade");
        if (label is null)
        {
            return null;
        }

        var grade = Grades.FromLabel(label);
        if (grade is null)
        {
            f.Error("GK0102", "grade", $"\"grade\" must be one of 优, 良, 中, 差, got \"{label}\"");
        }

        return grade;
    }

    private static List<Attachment> BindAttachments(InputList list, IReportFiles files, DiagnosticBag diagnostics)
    {
        var attachments = new List<Attachment>();
        foreach (var item in list.Items)
        {
            if (item is not InputScalar { Kind: ScalarKind.String } s)
            {
                diagnostics.Error("GK0101", item.Location, $"an attachment must be a path string, got {item.Describe()}");
                continue;
            }

            if (SafePath(s.Text, s, diagnostics) && files.FindAttachment(s.Text, s.Location) is { } attachment)
            {
                attachments.Add(attachment);
            }
        }

        return attachments;
    }

    private static bool SafePath(string path, InputNode node, DiagnosticBag diagnostics)
    {
        var segments = path.Split('/', '\\');
        if (Path.IsPathRooted(path) || segments.Any(s => s is ".." or "." or ""))
        {
            diagnostics.Error("GK0303", node.Location, $"\"{path}\" must be a relative path inside reports/",
                "write it as e.g. \"sewage-plant.md\" or \"pdf/sewage-plant.pdf\", without '..'");
            return false;
        }

        return true;
    }
}
