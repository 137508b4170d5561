namespace ResumeSim.Model.Arrivals;

/// <summary>
/// Traffic surges as a piecewise-constant multiplier m(t) of every client's visit rate. A visit gap
/// is drawn at the base rate (the same counter-based draw as without surges) and then laid out on
/// the clock by the time change of a non-homogeneous Poisson process: the next visit is where the
/// integral of m from now reaches the gap. So a surge also shortens gaps drawn before it began, the
/// process is exact (not thinned), and with no surge the result is the base gap, bit for bit.
/// </summary>
internal sealed class VisitRateTimeline
{
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly double[] _multipliers;

    /// <param name="surges">Windows [start, end) with their multipliers; they must not overlap.</param>
    public VisitRateTimeline(IReadOnlyList<(long Start, long End, double Multiplier)> surges)
    {
        var sorted = surges.OrderBy(s => s.Start).ToArray();
        _starts = sorted.Select(s => s.Start).ToArray();
        _ends = sorted.Select(s => s.End).ToArray();
        _multipliers = sorted.Select(s => s.Multiplier).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (_starts[i] < _ends[i - 1])
            {
                throw new ArgumentException("surge windows overlap", nameof(surges));
            }
        }
    }

    public bool IsEmpty => _starts.Length == 0;

    /// <summary>The time of the next visit after <paramref name="now"/> for a gap of <paramref name="baseGap"/> ticks at the base rate.</summary>
    public long Next(long now, long baseGap)
    {
        var t = now;
        double left = baseGap;
        for (var i = 0; i < _starts.Length && left > 0; i++)
        {
            if (_ends[i] <= t)
            {
                continue;
            }

            // Base-rate stretch before the surge.
            if (t < _starts[i])
            {
                if (left <= _starts[i] - t)
                {
                    break;
                }

                left -= _starts[i] - t;
                t = _starts[i];
            }

            // Inside the surge, base time passes m times as fast.
            var span = (double)(_ends[i] - t) * _multipliers[i];
            if (left <= span)
            {
                return Math.Max(now + 1, t + (long)Math.Ceiling(left / _multipliers[i]));
            }

            left -= span;
            t = _ends[i];
        }

        return Math.Max(now + 1, t + (long)Math.Ceiling(left));
    }
}
