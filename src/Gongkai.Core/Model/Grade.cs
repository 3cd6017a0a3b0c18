namespace Gongkai.Model;

/// <summary>The four evaluation grades and their score bands (优 ≥ 90, 良 80–90, 中 60–80, 差 &lt; 60).</summary>
public enum Grade
{
    Excellent,
    Good,
    Fair,
    Poor,
}

/// <summary>Conversions between grades, their Chinese labels and scores.</summary>
public static class Grades
{
    /// <summary>The grade a score falls in.</summary>
    public static Grade FromScore(decimal score) => score switch
    {
        >= 90m => Grade.Excellent,
        >= 80m => Grade.Good,
        >= 60m => Grade.Fair,
        _ => Grade.Poor,
    };

    /// <summary>The Chinese label used in the sources: 优, 良, 中, 差.</summary>
    public static string Label(this Grade grade) => grade switch
    {
        Grade.Excellent => "优",
        Grade.Good => "良",
        Grade.Fair => "中",
        _ => "差",
    };

    /// <summary>The grade for a label, or null when it is not one of 优/良/中/差.</summary>
    public static Grade? FromLabel(string label) => label switch
    {
        "优" => Grade.Excellent,
        "良" => Grade.Good,
        "中" => Grade.Fair,
        "差" => Grade.Poor,
        _ => null,
    };

    /// <summary>A stable lower-case id for CSS classes and data attributes.</summary>
    public static string Id(this Grade grade) => grade.ToString().ToLowerInvariant();
}
