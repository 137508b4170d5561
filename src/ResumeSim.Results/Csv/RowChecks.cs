namespace ResumeSim.Results.Csv;

/// <summary>Checks a row can be written: a CSV file has one header, so every row needs the same sweep keys.</summary>
internal static class RowChecks
{
    public static void Check(string file, string strategy, IReadOnlyList<SweepCell> sweep, SweepCells sweepKeys)
    {
        if (string.IsNullOrEmpty(strategy))
        {
            throw new ArgumentException($"{file}: a row has an empty strategy name.");
        }

        if (!SweepCells.From(sweep).HasSameKeys(sweepKeys))
        {
            throw new ArgumentException(
                $"{file}: strategy '{strategy}' has sweep keys [{string.Join(", ", sweep.Select(c => c.Key))}] "
                + $"but the run's sweep keys are [{string.Join(", ", sweepKeys.Select(c => c.Key))}]; every row needs the same keys in the same order.");
        }
    }
}
