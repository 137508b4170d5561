using ResumeSim.Engine;

namespace ResumeSim.Engine.Tests;

public sealed class EntryChunksTests
{
    private const int Size = EntryChunks.ChunkSize;

    [Fact]
    public void Add_AcrossChunkBoundaries_KeepsEveryEntryInOrder()
    {
        var list = new EntryChunks();
        int count = (2 * Size) + 17;
        for (int i = 0; i < count; i++)
        {
            list.Add(Entry(i));
        }

        Assert.Equal(count, list.Count);
        Assert.Equal(3, list.ChunksInUse);
        Assert.Equal(3, list.AllocatedChunks);
        Assert.Equal([Size, Size, 17], Enumerable.Range(0, 3).Select(c => list.Chunk(c).Length));
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(i, list[i].Key));
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), Flatten(list));
    }

    [Fact]
    public void AddRange_StartingMidChunkAndLongerThanAChunk_SplitsAcrossChunksInOrder()
    {
        var list = new EntryChunks();
        for (int i = 0; i < 100; i++)
        {
            list.Add(Entry(i));
        }

        var block = Enumerable.Range(100, (2 * Size) + 5).Select(Entry).ToArray();
        list.AddRange(block);
        list.AddRange([]);
        list.Add(Entry(100 + block.Length));

        Assert.Equal(100 + block.Length + 1, list.Count);
        Assert.Equal(Enumerable.Range(0, list.Count).Select(i => (long)i), Flatten(list));
    }

    [Fact]
    public void Truncate_ThenRefill_ReusesTheChunksItHasInsteadOfAllocating()
    {
        var list = new EntryChunks();
        list.AddRange(Enumerable.Range(0, (3 * Size) + 1).Select(Entry).ToArray());
        Assert.Equal(4, list.AllocatedChunks);

        list.Truncate(Size + 3); // mid-chunk: the next add continues that chunk
        list.Add(Entry(-1));
        Assert.Equal(Size + 4, list.Count);
        Assert.Equal(-1, list[Size + 3].Key);
        Assert.Equal(Size + 2, list[Size + 2].Key);

        list.Truncate(0);
        Assert.Equal(0, list.ChunksInUse);
        list.AddRange(Enumerable.Range(0, 4 * Size).Select(Entry).ToArray());
        Assert.Equal(4, list.AllocatedChunks);
        list.Add(Entry(4 * Size));
        Assert.Equal(5, list.AllocatedChunks);
        Assert.Equal(Enumerable.Range(0, (4 * Size) + 1).Select(i => (long)i), Flatten(list));
    }

    [Fact]
    public void Truncate_AtAChunkBoundary_StartsTheNextAddInTheFollowingChunk()
    {
        var list = new EntryChunks();
        list.AddRange(Enumerable.Range(0, 2 * Size).Select(Entry).ToArray());
        list.Truncate(Size);
        list.Add(Entry(-7));

        Assert.Equal(2, list.ChunksInUse);
        Assert.Equal(-7, list.Chunk(1)[0].Key);
        Assert.Equal(Size - 1, list.Chunk(0)[^1].Key);
    }

    [Fact]
    public void Indexer_WritesInPlace_AsTheQueueCompactsWhatItKeeps()
    {
        var list = new EntryChunks();
        list.AddRange(Enumerable.Range(0, Size + 10).Select(Entry).ToArray());
        int kept = 0;
        for (int c = 0; c < list.ChunksInUse; c++)
        {
            foreach (var e in list.Chunk(c))
            {
                if (e.Key % 3 == 0)
                {
                    list[kept++] = e;
                }
            }
        }

        list.Truncate(kept);
        Assert.Equal(Enumerable.Range(0, Size + 10).Where(i => i % 3 == 0).Select(i => (long)i), Flatten(list));
    }

    private static QueueEntry Entry(int i) => new(1000 + i, i, -i);

    private static List<long> Flatten(EntryChunks list)
    {
        var keys = new List<long>();
        for (int c = 0; c < list.ChunksInUse; c++)
        {
            foreach (var e in list.Chunk(c))
            {
                Assert.Equal(-e.Key, e.Payload);
                keys.Add(e.Key);
            }
        }

        return keys;
    }
}
