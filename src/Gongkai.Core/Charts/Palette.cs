using Gongkai.Model;

namespace Gongkai.Charts;

/// <summary>
/// Chart colours. Each has at least 3:1 contrast against white and the dark theme's background (WCAG 1.4.11 for
/// graphics); text on charts stays in the text colour. Grades are also written next to every bar, never shown by colour alone.
/// </summary>
public static class Palette
{
    /// <summary>Series colours in order.</summary>
    public static readonly string[] Series = ["#1d70b8", "#d4351c", "#00703c", "#6f3c97"];

    /// <summary>The colour of a grade: 优 green, 良 blue, 中 orange-brown, 差 red.</summary>
    public static string Of(Grade grade) => grade switch
    {
        Grade.Excellent => "#00703c",
        Grade.Good => "#1d70b8",
        Grade.Fair => "#a35a00",
        _ => "#d4351c",
    };
}
