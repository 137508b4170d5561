using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

/// <summary>
/// Loaded before resumesim's Main by <c>DOTNET_STARTUP_HOOKS</c>: listens to the runtime's allocation
/// ticks and, when the process exits, prints to stderr which types took the bytes it allocated.
/// </summary>
/// <remarks>
/// The runtime raises <c>GCAllocationTick</c> about once per 100 KB allocated, naming the type of the
/// object that crossed the mark and the bytes since the last tick, so the bytes credited to a type are a
/// sample whose shares converge on the true ones over millions of objects. The runtime has no other
/// name for a startup hook than a type called StartupHook with a static Initialize, outside any namespace.
/// </remarks>
internal static class StartupHook
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const long GcKeyword = 0x1;
    private const int TypesShown = 12;

    private static AllocationListener? listener;

    public static void Initialize()
    {
        listener = new AllocationListener();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Report(listener);
    }

    private static void Report(AllocationListener source)
    {
        var totals = source.Snapshot();
        long all = totals.Sum(t => t.Value);
        var error = Console.Error;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocation ticks: {all / 1e6:F0} MB sampled over {totals.Count} types, {source.Ticks:N0} ticks"));
        foreach (var (type, bytes) in totals.OrderByDescending(t => t.Value).Take(TypesShown))
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{100.0 * bytes / Math.Max(1, all),6:F1} % {bytes / 1e6,9:F0} MB  {type}"));
        }
    }

    private sealed class AllocationListener : EventListener
    {
        private readonly ConcurrentDictionary<string, long> bytesByType = new();
        private long ticks;

        public long Ticks => Interlocked.Read(ref ticks);

        public List<KeyValuePair<string, long>> Snapshot() => [.. bytesByType];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == RuntimeSource)
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal)
                || eventData.PayloadNames is null || eventData.Payload is null)
            {
                return;
            }

            int typeAt = eventData.PayloadNames.IndexOf("TypeName");
            int amountAt = eventData.PayloadNames.IndexOf("AllocationAmount64");
            if (typeAt < 0 || amountAt < 0)
            {
                return;
            }

            string type = eventData.Payload[typeAt] as string ?? "?";
            long amount = Convert.ToInt64(eventData.Payload[amountAt], CultureInfo.InvariantCulture);
            bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
            Interlocked.Increment(ref ticks);
        }
    }
}
