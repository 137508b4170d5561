using ResumeSim.Engine;

namespace ResumeSim.Bench.Queueing;

/// <summary>
/// The waiting line of an M/M/c or M/D/c queue and the tally of its waits, shared by
/// <see cref="MultiServerQueue"/> and <see cref="DirectMultiServerQueue"/> so both forms of the model
/// measure the same thing.
/// </summary>
/// <remarks>
/// The line stores arrival times only: with FCFS, customers start service in arrival order, so the
/// k-th service start belongs to the k-th customer and the first <c>warmupCustomers</c> starts are
/// left out of the mean.
/// </remarks>
public sealed class FcfsLine
{
    private readonly long _warmupCustomers;
    // A power-of-two length (it doubles), so a mask wraps an index where % would divide on every push and pop.
    private long[] _line = new long[1024];
    private int _head;
    private int _count;
    private long _started;
    private long _measured;
    private long _waitTicks;

    /// <summary>Creates an empty line whose first <paramref name="warmupCustomers"/> service starts are not measured.</summary>
    public FcfsLine(long warmupCustomers) => _warmupCustomers = warmupCustomers;

    /// <summary>Customers waiting.</summary>
    public int Waiting => _count;

    /// <summary>Service starts counted into the mean (those after the warm-up).</summary>
    public long Measured => _measured;

    /// <summary>Mean wait in seconds of the measured customers (0 when none).</summary>
    public double MeanWaitSeconds => _measured == 0 ? 0 : SimTime.ToSeconds(_waitTicks) / _measured;

    /// <summary>Counts a service start at <paramref name="now"/> of a customer who arrived at <paramref name="arrivedAt"/>.</summary>
    public void Start(long now, long arrivedAt)
    {
        if (_started++ >= _warmupCustomers)
        {
            _measured++;
            _waitTicks += now - arrivedAt;
        }
    }

    /// <summary>Puts a customer who arrived at <paramref name="arrivedAt"/> at the end of the line.</summary>
    public void Push(long arrivedAt)
    {
        if (_count == _line.Length)
        {
            var bigger = new long[_line.Length * 2];
            for (int i = 0; i < _count; i++)
            {
                bigger[i] = _line[(_head + i) & (_line.Length - 1)];
            }

            _line = bigger;
            _head = 0;
        }

        _line[(_head + _count) & (_line.Length - 1)] = arrivedAt;
        _count++;
    }

    /// <summary>Takes the customer at the head of the line and returns its arrival time.</summary>
    public long Pop()
    {
        long value = _line[_head];
        _head = (_head + 1) & (_line.Length - 1);
        _count--;
        return value;
    }
}
