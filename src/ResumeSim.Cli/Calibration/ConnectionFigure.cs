namespace ResumeSim.Cli.Calibration;

/// <summary>
/// One measured kind of connection: server CPU per connection (microseconds) in each timed batch, and
/// how many connections did not do what the kind asks (a resumption that was full, or the reverse).
/// </summary>
internal sealed class ConnectionFigure
{
    private readonly List<double> _batches = [];

    public IReadOnlyList<double> Batches => _batches;

    public long Connections { get; private set; }

    public long Unexpected { get; private set; }

    public long Failed { get; private set; }

    /// <summary>Whether enough connections were what they should be for the figure to stand (99%).</summary>
    public bool Produced => Connections > 0 && Unexpected <= Connections / 100;

    public double Median => Quantile(0.5);

    public double Min => _batches.Count == 0 ? double.NaN : _batches.Min();

    public double Max => _batches.Count == 0 ? double.NaN : _batches.Max();

    public void Add(double microsPerConnection, long connections, long unexpected, long failed)
    {
        _batches.Add(microsPerConnection);
        Connections += connections;
        Unexpected += unexpected;
        Failed += failed;
    }

    private double Quantile(double q)
    {
        if (_batches.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _batches.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
