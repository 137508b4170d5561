using System.Runtime.CompilerServices;

namespace ResumeSim.Engine;

/// <summary>
/// The discrete-event kernel: a clock in integer ticks, a queue of small struct events ordered
/// by (time, insertion sequence), and one handler per event kind.
/// </summary>
/// <remarks>
/// <para>The surface follows SimPy's <c>Environment</c> and ns-3's <c>Simulator</c>: <see cref="Now"/>,
/// <see cref="Schedule"/>, <see cref="TryPeek"/>, <see cref="Step"/>, <see cref="Run"/>. Equal
/// times run first-in first-out, so the same schedule calls produce the same run bit for bit.</para>
/// <para>Hot path without allocation: an event is one 24-byte <see cref="QueueEntry"/>: the time,
/// key = sequence &lt;&lt; <see cref="KindBits"/> | kind, and payload = target &lt;&lt; 32 | (uint)arg. Taking
/// the next event reads only the queue's own memory (no side array indexed by a slot, whose random
/// read was a cache miss per event at 10^6-10^7 pending; docs/engine.md, "Queue entries").
/// Dispatch is an array lookup by kind and an interface call with the event passed by reference:
/// no delegate, closure, boxing or iterator.</para>
/// <para>Limits: at most 2^57 - 1 (1.4 x 10^17) events scheduled over one simulation (the sequence
/// shares the key with the kind); exceeding it throws. Pending events are limited only by the
/// queue's arrays (<see cref="int"/> counts) and memory: 24 B each plus the queue's slack.</para>
/// <para>There is no cancel: DESIGN §3 keeps pending events few and cancels by bumping a
/// generation number on the entity (pass it as <see cref="Event.Arg"/>) and ignoring stale events.</para>
/// </remarks>
public sealed class Simulation
{
    /// <summary>Low bits of a queue key that hold the event's kind; the sequence is above them.</summary>
    public const int KindBits = 6;

    /// <summary>Number of distinct event kinds (0..63).</summary>
    public const int MaxKinds = 1 << KindBits;

    /// <summary>Most events one simulation may schedule (the sequence is 63 - <see cref="KindBits"/> bits).</summary>
    public const long MaxSequence = (1L << (63 - KindBits)) - 1;

    private const long KindMask = MaxKinds - 1;

    private IEventPrefetcher? _prefetcher;
    private readonly IEventQueue _queue;
    private readonly IEventQueueLookahead? _lookahead;
    private readonly IEventHandler?[] _handlers = new IEventHandler?[MaxKinds];
    private long _nextSequence;
    private long _currentSequence = -1;

    /// <summary>
    /// Creates a simulation on a <see cref="BucketQueue"/>, the fastest queue measured at 10^6-10^7
    /// pending events (docs/performance.md, "Scale": 0.35x the calendar queue's time per hold at 10^7).
    /// </summary>
    public Simulation()
        : this(new BucketQueue())
    {
    }

    /// <summary>Creates a simulation on the given (empty) queue.</summary>
    public Simulation(IEventQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        if (queue.Count != 0)
        {
            throw new ArgumentException("The event queue must be empty.", nameof(queue));
        }

        _queue = queue;
        _lookahead = queue as IEventQueueLookahead;
    }

    /// <summary>Current simulated time in ticks; never decreases.</summary>
    public long Now { get; private set; }

    /// <summary>Events dispatched so far.</summary>
    public long EventsProcessed { get; private set; }

    /// <summary>Events scheduled and not yet dispatched.</summary>
    public int Pending => _queue.Count;

    /// <summary>Sets the handler of an event kind (0..63), one handler per kind.</summary>
    /// <exception cref="InvalidOperationException">The kind already has a handler.</exception>
    public void Register(int kind, IEventHandler handler)
    {
        CheckKind(kind);
        ArgumentNullException.ThrowIfNull(handler);
        if (_handlers[kind] is not null)
        {
            throw new InvalidOperationException($"Event kind {kind} already has a handler ({_handlers[kind]!.GetType().Name}).");
        }

        _handlers[kind] = handler;
    }

    /// <summary>Schedules an event at absolute time <paramref name="time"/> (ticks).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is before <see cref="Now"/>,
    /// or <paramref name="kind"/> is outside 0..63.</exception>
    public void Schedule(long time, int kind, int target, int arg = 0)
    {
        // The three mistakes share one branch: this is every model event's path.
        if ((time < Now) | ((uint)kind >= MaxKinds) | (_nextSequence > MaxSequence))
        {
            ThrowCannotSchedule(time, kind);
        }

        Enqueue(time, _nextSequence++, kind, target, arg);
    }

    /// <summary>
    /// Takes the sequence number the next <see cref="Schedule"/> would have used, without scheduling
    /// anything: an event that may never be needed (a server's core coming free when nobody waits for
    /// it) keeps its place in the order of equal times, and <see cref="ScheduleReserved"/> enqueues it
    /// later, only if it turns out to be needed.
    /// </summary>
    /// <exception cref="InvalidOperationException">More than <see cref="MaxSequence"/> sequence numbers were taken.</exception>
    public long ReserveSequence()
    {
        CheckSequenceRoom();
        return _nextSequence++;
    }

    /// <summary>
    /// Schedules an event under a sequence number taken earlier by <see cref="ReserveSequence"/>: it
    /// runs exactly where it would have run had it been scheduled at the reservation (equal times run
    /// in sequence order).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> was never reserved, or
    /// the event would run before the one being dispatched (an earlier time, or the same time and an
    /// earlier sequence), or <paramref name="kind"/> is outside 0..63.</exception>
    /// <remarks>Each reserved number may be scheduled once; scheduling it twice is the caller's error and is not detected.</remarks>
    public void ScheduleReserved(long time, long sequence, int kind, int target, int arg = 0)
    {
        if ((ulong)sequence >= (ulong)_nextSequence)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"Sequence {sequence} was not reserved: the next is {_nextSequence}.");
        }

        if (time < Now || (time == Now && sequence < _currentSequence))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time,
                $"Event (time {time}, sequence {sequence}) would run before the current one (time {Now}, sequence {_currentSequence}).");
        }

        CheckKind(kind);
        Enqueue(time, sequence, kind, target, arg);
    }

    /// <summary>Schedules an event <paramref name="delay"/> ticks after <see cref="Now"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative, or the time overflows.</exception>
    public void ScheduleIn(long delay, int kind, int target, int arg = 0)
    {
        long now = Now;
        // As unsigned, a negative delay is larger than any room left, so one comparison checks both.
        if ((ulong)delay > (ulong)(long.MaxValue - now))
        {
            ThrowBadDelay(delay);
        }

        Schedule(now + delay, kind, target, arg);
    }

    /// <summary>Reads the next event without dispatching it; false when nothing is pending.</summary>
    public bool TryPeek(out Event next)
    {
        if (!_queue.TryPeek(out var entry))
        {
            next = default;
            return false;
        }

        next = ToEvent(entry);
        return true;
    }

    /// <summary>Pops the earliest event, advances <see cref="Now"/> to its time and dispatches it.</summary>
    /// <returns>False when no event is pending.</returns>
    /// <exception cref="InvalidOperationException">The event's kind has no handler.</exception>
    public bool Step()
    {
        if (!_queue.TryDequeue(out var entry))
        {
            return false;
        }

        var e = ToEvent(entry);
        var handler = _handlers[e.Kind];
        if (handler is null)
        {
            ThrowNoHandler(e.Kind);
        }

        Now = e.Time;
        _currentSequence = e.Sequence;
        EventsProcessed++;
        if (_prefetcher is not null && _queue.TryPeek(out var next))
        {
            _prefetcher.Prefetch(ToEvent(next));
            if (_lookahead is not null && _lookahead.TryPeekSecond(out var afterNext))
            {
                _prefetcher.PrefetchAhead(ToEvent(afterNext));
            }
        }

        handler.Handle(in e);
        return true;
    }

    /// <summary>Tells <paramref name="prefetcher"/> the next event, and when the queue knows it the one after, before each dispatch (null: nobody).</summary>
    public void SetPrefetcher(IEventPrefetcher? prefetcher) => _prefetcher = prefetcher;

    /// <summary>
    /// Dispatches every event with time &lt;= <paramref name="until"/> (including events those
    /// handlers schedule inside the window), then sets <see cref="Now"/> to <paramref name="until"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="until"/> is before <see cref="Now"/>.</exception>
    public void Run(long until)
    {
        if (until < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"Cannot run backwards: Now is {Now}.");
        }

        while (_queue.TryPeek(out var next) && next.Time <= until)
        {
            Step();
        }

        if (until > Now)
        {
            _currentSequence = -1; // the clock moved past the last event: any reserved number is ahead of it
        }

        Now = until;
    }

    /// <summary>A <see cref="TimeProvider"/> whose UTC time is <paramref name="epoch"/> + <see cref="Now"/>.</summary>
    public TimeProvider AsTimeProvider(DateTimeOffset epoch) => new SimulationTimeProvider(this, epoch);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Event ToEvent(in QueueEntry entry) =>
        new(entry.Time, entry.Key >>> KindBits, (int)(entry.Key & KindMask), (int)(entry.Payload >> 32), (int)entry.Payload);

    private void CheckSequenceRoom()
    {
        if (_nextSequence > MaxSequence)
        {
            throw TooManyEvents();
        }
    }

    private static InvalidOperationException TooManyEvents() =>
        new($"More than {MaxSequence} events were scheduled in one simulation.");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Enqueue(long time, long sequence, int kind, int target, int arg)
    {
        // The sequence in the high bits keeps (time, key) order equal to (time, sequence): FIFO ties.
        long key = (sequence << KindBits) | (long)kind;
        long payload = ((long)target << 32) | (uint)arg;
        _queue.Enqueue(time, key, payload);
    }

    private static void CheckKind(int kind)
    {
        if ((uint)kind >= MaxKinds)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Event kinds are 0..{MaxKinds - 1}.");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowCannotSchedule(long time, int kind)
    {
        if (time < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, $"Cannot schedule in the past: Now is {Now}.");
        }

        CheckKind(kind);
        throw TooManyEvents();
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowBadDelay(long delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        throw new ArgumentOutOfRangeException(nameof(delay), delay, "Now + delay overflows simulated time.");
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowNoHandler(int kind) =>
        throw new InvalidOperationException($"No handler is registered for event kind {kind}.");

}
