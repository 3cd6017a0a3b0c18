namespace Gongkai.Markdown;

/// <summary>Character classes that Chinese text layout rules need.</summary>
public static class Cjk
{
    /// <summary>
    /// True for East Asian wide characters other than Hangul (ideographs, kana, CJK and full-width punctuation):
    /// CSS Text's segment-break rule removes a line break between two such characters instead of turning it into a space.
    /// </summary>
    public static bool IsWide(char c) => c switch
    {
        >= '\u2E80' and <= '\u303F' => true, // radicals, ideographic description, CJK symbols and punctuation
        >= '\u3040' and <= '\u30FF' => true, // hiragana, katakana
        >= '\u3100' and <= '\u31FF' => true, // bopomofo, CJK strokes
        >= '\u3200' and <= '\u4DBF' => true, // enclosed CJK, compatibility, extension A
        >= '\u4E00' and <= '\u9FFF' => true, // unified ideographs
        >= '\uF900' and <= '\uFAFF' => true, // compatibility ideographs
        >= '\uFE30' and <= '\uFE4F' => true, // vertical forms, compatibility forms
        >= '\uFF00' and <= '\uFF60' => true, // full-width forms
        >= '\uFFE0' and <= '\uFFE6' => true, // full-width signs
        _ => false,
    };
}
