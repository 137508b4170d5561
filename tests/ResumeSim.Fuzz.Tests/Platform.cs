using System.Runtime.Versioning;

// The corpus makes FIFOs, symbolic links and mode-000 files, and runs the CLI as Linux planners do.
[assembly: SupportedOSPlatform("linux")]
