using System.Runtime.CompilerServices;

// The world's handlers inline many small helpers, and each inlinee's struct locals become the
// handler's: without this the JIT zeroed them all in the prologue of every call (1.6 KB for a
// completed handshake), though the compiler proves each is written before it is read. The stack
// buffers here (stackalloc) are filled before they are read.
[module: SkipLocalsInit]
