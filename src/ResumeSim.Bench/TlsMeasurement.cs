namespace ResumeSim.Bench;

/// <summary>One operation of the resumption core's benchmark.</summary>
public sealed record TlsMeasurement(string Name, double NanosecondsPerOp, double AllocatedBytesPerOp);
