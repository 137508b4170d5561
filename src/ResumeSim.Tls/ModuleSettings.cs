using System.Runtime.CompilerServices;

// The world inlines the core's per-connection steps into its handlers, which then zeroed the
// steps' struct locals in every call's prologue; the compiler proves each is written before it is
// read, and every stack buffer here (stackalloc) is filled before it is read.
[module: SkipLocalsInit]
