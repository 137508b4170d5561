namespace ResumeSim.Model.Steady;

/// <summary>MSER-5's truncation point on one metric of a pilot, in simulated seconds from its start.</summary>
public readonly record struct MetricCut(SteadyMetric Metric, double Seconds);
