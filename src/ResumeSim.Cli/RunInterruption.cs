using System.Runtime.InteropServices;

namespace ResumeSim.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM (a scheduler's or <c>kill</c>'s stop) while a command writes files:
/// instead of the runtime ending the process at once, which would leave a temporary folder behind, the
/// signal cancels <see cref="Token"/>; the command stops at its next check, deletes what it had not
/// finished, says what is on disk and exits with 128 + the signal's number (130, 143), as a shell does
/// for a process a signal ended. Only SIGKILL is left, and the next run cleans up after that
/// (<see cref="Results.StaleRunFolders"/>).
/// </summary>
internal sealed class RunInterruption : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    public RunInterruption()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>Whether a signal arrived.</summary>
    public bool Interrupted => Volatile.Read(ref _signal) != 0;

    /// <summary>128 + the signal's number: 130 for SIGINT, 143 for SIGTERM.</summary>
    public int ExitCode => 128 + Volatile.Read(ref _signal);

    /// <summary>Says that nothing was written and returns the exit code.</summary>
    public int NothingWritten(TextWriter error)
    {
        error.WriteLine($"interrupted by {Name}: nothing was written");
        return ExitCode;
    }

    /// <summary>Says that the signal came after the run folder was complete, and returns the exit code.</summary>
    public int AfterWrite(TextWriter error, string folder)
    {
        error.WriteLine($"interrupted by {Name}: the run folder is complete: {folder}");
        return ExitCode;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private string Name => Volatile.Read(ref _signal) == SigTerm ? "SIGTERM" : "SIGINT";

    private void Handle(PosixSignalContext context)
    {
        // The process goes on; the command ends itself at its next check of the token.
        context.Cancel = true;
        Interlocked.CompareExchange(ref _signal, context.Signal == PosixSignal.SIGTERM ? SigTerm : SigInt, 0);
        _cancel.Cancel();
    }
}
