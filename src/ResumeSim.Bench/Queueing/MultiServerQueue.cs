using ResumeSim.Engine;

namespace ResumeSim.Bench.Queueing;

/// <summary>
/// An M/M/c or M/D/c first-come-first-served queue built on <see cref="Simulation"/>: Poisson
/// arrivals, c identical servers, one waiting line. Used by the engine's validation tests
/// (Erlang C, Pollaczek-Khinchine) and by the engine benchmark, so both run the same model.
/// </summary>
/// <remarks>
/// Two event kinds: an arrival (which schedules the next one) and a departure. The line stores
/// arrival times only: with FCFS, customers start service in arrival order, so the k-th service
/// start belongs to the k-th customer and the first <c>warmupCustomers</c> are left out of the mean.
/// Arrivals and service times come from two separate streams so either can be changed alone.
/// </remarks>
public sealed class MultiServerQueue : IEventHandler
{
    /// <summary>Event kind of an arrival.</summary>
    public const int ArrivalKind = 0;

    /// <summary>Event kind of a service completion.</summary>
    public const int DepartureKind = 1;

    private readonly Simulation _sim;
    private readonly int _servers;
    private readonly double _arrivalRate;
    private readonly double _meanService;
    private readonly double _serviceRate;
    private readonly ServiceTimeKind _serviceKind;
    private readonly RandomStream _arrivals;
    private readonly RandomStream _services;
    private readonly long _customers;
    private readonly long _warmupCustomers;
    // A power-of-two length (it doubles), so a mask wraps an index where % would divide on every push and pop.
    private long[] _line = new long[1024];
    private int _lineHead;
    private int _lineCount;
    private int _busy;
    private long _arrived;
    private long _started;
    private long _measured;
    private long _waitTicks;

    /// <summary>Creates the model and registers its two event kinds on <paramref name="sim"/>.</summary>
    public MultiServerQueue(
        Simulation sim, int servers, double arrivalRate, double meanService, ServiceTimeKind serviceKind,
        RandomStreams streams, long customers, long warmupCustomers)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupCustomers);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(warmupCustomers, customers);
        _sim = sim;
        _servers = servers;
        _arrivalRate = arrivalRate;
        _meanService = meanService;
        _serviceRate = 1.0 / meanService; // divided once here, not at every service start
        _serviceKind = serviceKind;
        _arrivals = streams.Get("queue.arrivals");
        _services = streams.Get("queue.services");
        _customers = customers;
        _warmupCustomers = warmupCustomers;
        sim.Register(ArrivalKind, this);
        sim.Register(DepartureKind, this);
    }

    /// <summary>Runs until the last customer leaves and returns the measured mean wait.</summary>
    public QueueRunResult RunToCompletion()
    {
        _sim.ScheduleIn(SimTime.FromSeconds(_arrivals.NextExponential(_arrivalRate)), ArrivalKind, 0);
        while (_sim.Step())
        {
        }

        double meanWait = _measured == 0 ? 0 : SimTime.ToSeconds(_waitTicks) / _measured;
        return new QueueRunResult(meanWait, _measured, _sim.EventsProcessed, SimTime.ToSeconds(_sim.Now));
    }

    /// <inheritdoc/>
    public void Handle(in Event e)
    {
        if (e.Kind == ArrivalKind)
        {
            OnArrival();
        }
        else
        {
            OnDeparture();
        }
    }

    private void OnArrival()
    {
        long now = _sim.Now;
        if (_busy < _servers)
        {
            _busy++;
            StartService(now, now);
        }
        else
        {
            Push(now);
        }

        if (++_arrived < _customers)
        {
            _sim.ScheduleIn(SimTime.FromSeconds(_arrivals.NextExponential(_arrivalRate)), ArrivalKind, 0);
        }
    }

    private void OnDeparture()
    {
        if (_lineCount > 0)
        {
            StartService(_sim.Now, Pop());
        }
        else
        {
            _busy--;
        }
    }

    private void StartService(long now, long arrivedAt)
    {
        if (_started++ >= _warmupCustomers)
        {
            _measured++;
            _waitTicks += now - arrivedAt;
        }

        double service = _serviceKind == ServiceTimeKind.Exponential
            ? _services.NextExponential(_serviceRate)
            : _meanService;
        _sim.ScheduleIn(SimTime.FromSeconds(service), DepartureKind, 0);
    }

    private void Push(long arrivedAt)
    {
        if (_lineCount == _line.Length)
        {
            var bigger = new long[_line.Length * 2];
            for (int i = 0; i < _lineCount; i++)
            {
                bigger[i] = _line[(_lineHead + i) & (_line.Length - 1)];
            }

            _line = bigger;
            _lineHead = 0;
        }

        _line[(_lineHead + _lineCount) & (_line.Length - 1)] = arrivedAt;
        _lineCount++;
    }

    private long Pop()
    {
        long value = _line[_lineHead];
        _lineHead = (_lineHead + 1) & (_line.Length - 1);
        _lineCount--;
        return value;
    }
}
