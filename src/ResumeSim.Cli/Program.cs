namespace ResumeSim.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        // An exception on a thread the command did not start (a progress callback, a timer) ends the
        // process; it gets the same one line as one on the main thread, not the runtime's stack trace.
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            CliApp.WriteUnexpected(e.ExceptionObject as Exception ?? new InvalidOperationException("unknown error"), Console.Error);
            Console.Error.Flush();
            Environment.Exit(ExitCodes.Failed);
        };
        return CliApp.Run(args);
    }
}
