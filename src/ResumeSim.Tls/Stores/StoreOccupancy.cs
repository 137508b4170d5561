namespace ResumeSim.Tls;

/// <summary>Entries and bytes (by the store's per-entry accounting) a store holds, or a part of them.</summary>
/// <param name="Entries">Entries.</param>
/// <param name="Bytes">Their bytes.</param>
public readonly record struct StoreOccupancy(long Entries, long Bytes);
