namespace ResumeSim.Model.World;

/// <summary>
/// A growable array of structs with a free list: entities in flight live here and are addressed by
/// index from events, so no object is allocated per connection or page.
/// </summary>
internal sealed class SlotPool<T>
    where T : struct
{
    private T[] _items = new T[256];
    private int[] _free = new int[256];
    private int _freeCount;
    private int _used;

    public int InUse => _used - _freeCount;

    public ref T this[int index] => ref _items[index];

    public int Allocate()
    {
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }

        if (_used == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        return _used++;
    }

    public void Release(int index)
    {
        _items[index] = default;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = index;
    }
}
