using System.Runtime.CompilerServices;

namespace ResumeSim.Tls;

/// <summary>
/// The 48 secret bytes of a <see cref="SessionState"/>, held inside the record rather than in a
/// separate array: one object per stored session instead of two (an array costs a 24 B header and a
/// reference), and nothing to allocate when a ticket is opened.
/// </summary>
[InlineArray(SessionState.MasterSecretLength)]
internal struct MasterSecretBuffer
{
    private byte first;
}
