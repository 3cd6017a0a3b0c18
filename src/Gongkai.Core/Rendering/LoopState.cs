using System.Collections;

namespace Gongkai.Rendering;

/// <summary>Where a compiled <c>for</c> loop is: what its <c>for</c> object reads.</summary>
internal sealed class LoopState(IEnumerable items)
{
    private int? _length;

    public int Index { get; set; }

    public bool IsLast { get; set; }

    public int Length => _length ??= items is IList list ? list.Count : items.Cast<object?>().Count();
}
