namespace ResumeSim.Model.Arrivals;

/// <summary>One problem in a trace file, at a 1-based line and column (the column of the bad field).</summary>
public sealed record TraceError(int Line, int Column, string Message);
