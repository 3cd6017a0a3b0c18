namespace Gongkai.Model;

/// <summary>Whether a catalogue entry's report is public or withheld (不予公开).</summary>
public enum ReportStatus
{
    Published,
    Withheld,
}
