using ResumeSim.Engine;

namespace ResumeSim.Bench.Queueing;

/// <summary>
/// An M/M/c or M/D/c first-come-first-served queue built on <see cref="Simulation"/>: Poisson
/// arrivals, c identical servers, one waiting line. Used by the engine's validation tests
/// (Erlang C, Pollaczek-Khinchine) and by the engine benchmark, so both run the same model.
/// </summary>
/// <remarks>
/// Two event kinds: an arrival (which schedules the next one) and a departure; the waiting line and
/// the tally of waits are <see cref="FcfsLine"/>'s. Arrivals and service times come from two separate
/// streams so either can be changed alone. <see cref="DirectMultiServerQueue"/> is the same model
/// without the engine.
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
    private readonly FcfsLine _line;
    private int _busy;
    private long _arrived;

    /// <summary>Creates the model and registers its two event kinds on <paramref name="sim"/>.</summary>
    public MultiServerQueue(
        Simulation sim, int servers, double arrivalRate, double meanService, ServiceTimeKind serviceKind,
        RandomStreams streams, long customers, long warmupCustomers)
    {
        ArgumentNullException.ThrowIfNull(sim);
        CheckModel(streams, servers, customers, warmupCustomers);
        _sim = sim;
        _servers = servers;
        _arrivalRate = arrivalRate;
        _meanService = meanService;
        _serviceRate = 1.0 / meanService; // divided once here, not at every service start
        _serviceKind = serviceKind;
        _arrivals = streams.Get("queue.arrivals");
        _services = streams.Get("queue.services");
        _customers = customers;
        _line = new FcfsLine(warmupCustomers);
        sim.Register(ArrivalKind, this);
        sim.Register(DepartureKind, this);
    }

    /// <summary>Checks the arguments this model and <see cref="DirectMultiServerQueue"/> share.</summary>
    internal static void CheckModel(RandomStreams streams, int servers, long customers, long warmupCustomers)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupCustomers);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(warmupCustomers, customers);
    }

    /// <summary>Runs until the last customer leaves and returns the measured mean wait.</summary>
    public QueueRunResult RunToCompletion()
    {
        _sim.ScheduleIn(SimTime.FromSeconds(_arrivals.NextExponential(_arrivalRate)), ArrivalKind, 0);
        while (_sim.Step())
        {
        }

        return new QueueRunResult(_line.MeanWaitSeconds, _line.Measured, _sim.EventsProcessed, SimTime.ToSeconds(_sim.Now));
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
            _line.Push(now);
        }

        if (++_arrived < _customers)
        {
            _sim.ScheduleIn(SimTime.FromSeconds(_arrivals.NextExponential(_arrivalRate)), ArrivalKind, 0);
        }
    }

    private void OnDeparture()
    {
        if (_line.Waiting > 0)
        {
            StartService(_sim.Now, _line.Pop());
        }
        else
        {
            _busy--;
        }
    }

    private void StartService(long now, long arrivedAt)
    {
        _line.Start(now, arrivedAt);
        double service = _serviceKind == ServiceTimeKind.Exponential
            ? _services.NextExponential(_serviceRate)
            : _meanService;
        _sim.ScheduleIn(SimTime.FromSeconds(service), DepartureKind, 0);
    }
}
