using System.Runtime.CompilerServices;

// The event loop's methods take struct locals (an entry, an event) that are always written before
// they are read, which the compiler proves; without this the JIT also zeroes their stack space in
// every Step's prologue.
[module: SkipLocalsInit]
