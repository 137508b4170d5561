using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ResumeSim.Cli.Tests.Hostile;

/// <summary>
/// The built CLI run as a child process that pauses at a point of its run (<see cref="TestPause"/>),
/// so that a test can signal it exactly there.
/// </summary>
internal sealed class ChildRun : IDisposable
{
    // A guard against a hang, not a measurement: a small run reaches its pause in seconds.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly BlockingCollection<string> _errorLines = [];
    private readonly List<string> _error = [];
    private readonly List<string> _output = [];

    public ChildRun(string pausePoint, params string[] args)
    {
        var executable = ResumesimExecutable.Current();
        var start = new ProcessStartInfo(executable.FileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in executable.LeadingArguments.Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[TestPause.Variable] = pausePoint;
        _process = new Process { StartInfo = start };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (_error)
                {
                    _error.Add(line);
                }

                _errorLines.Add(line);
            }
        };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (_output)
                {
                    _output.Add(line);
                }
            }
        };
        _process.Start();
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return string.Join('\n', _error);
            }
        }
    }

    /// <summary>Waits until the child says it has paused at <paramref name="point"/>.</summary>
    public void WaitUntilPaused(string point)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (_errorLines.TryTake(out var line, Timeout.Infinite, guard.Token))
        {
            if (line == $"paused at {point}")
            {
                return;
            }
        }
    }

    /// <summary>Sends SIGINT (2), SIGTERM (15) or SIGKILL (9).</summary>
    public void Signal(int signal)
    {
        // A signal this process ignores, the child inherited ignored, and .NET keeps it so: SIGINT for a
        // job that a shell without job control started in the background (`cmd &`, `nohup`). The child
        // would then wait out the guard; say why at once instead.
        if (IgnoredHere(signal))
        {
            throw new InvalidOperationException(
                $"signal {signal} is ignored in the test process (SigIgn in /proc/self/status), so the child ignores it too; "
                + "run the tests in the foreground or from a shell with job control (set -m)");
        }

        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the child to end and returns its exit code.</summary>
    public int WaitForExit()
    {
        if (!_process.WaitForExit(Guard))
        {
            _process.Kill();
            throw new TimeoutException($"the child did not end; its errors: {Error}");
        }

        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
        _errorLines.Dispose();
    }

    private static bool IgnoredHere(int signal)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && (ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & (1UL << (signal - 1))) != 0;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
