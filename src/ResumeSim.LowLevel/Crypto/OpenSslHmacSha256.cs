using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ResumeSim.LowLevel.Crypto;

/// <summary>
/// HMAC-SHA256 (RFC 2104) on OpenSSL's own SHA-256 (<c>SHA256_Init/Update/Final</c> in libcrypto, which
/// uses the CPU's SHA instructions). The key's inner and outer pads are hashed once, as OpenSSL's HMAC
/// does; each MAC copies those two states and hashes the message and the inner digest. It exists for
/// speed: .NET's HMAC goes through OpenSSL 3's EVP layer, which on a 144 B ticket costs about twice
/// these direct calls (docs/performance.md). Tests hold it byte-equal to .NET's HMAC.
/// <para>The SHA256_CTX is 112 bytes (OpenSSL's public <c>sha.h</c>, unchanged since 0.9.8); each state
/// gets 128. They live in one pinned array, so nothing is freed by hand and the GC never moves them.</para>
/// </summary>
public sealed unsafe class OpenSslHmacSha256 : IDisposable
{
    private const int BlockLength = 64;
    private const int DigestLength = 32;
    private const int ContextLength = 112;
    private const int ContextSlot = 128;

    private readonly byte[] contexts = GC.AllocateArray<byte>(4 * ContextSlot, pinned: true);
    private readonly byte* inner;
    private readonly byte* outer;
    private readonly byte* work;
    private readonly byte* digest;

    /// <exception cref="PlatformNotSupportedException">when libcrypto cannot be loaded (see <see cref="IsSupported"/>).</exception>
    public OpenSslHmacSha256(ReadOnlySpan<byte> key)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("OpenSSL's libcrypto with SHA256_Init/Update/Final is not loadable here.");
        }

        byte* at = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(contexts));
        inner = at;
        outer = at + ContextSlot;
        work = at + 2 * ContextSlot;
        digest = at + 3 * ContextSlot;

        // RFC 2104 2: a key longer than the block is hashed first; then it is zero-padded to the block.
        Span<byte> block = stackalloc byte[BlockLength];
        block.Clear();
        if (key.Length > BlockLength)
        {
            SHA256.HashData(key, block);
        }
        else
        {
            key.CopyTo(block);
        }

        Start(inner, block, 0x36);
        Start(outer, block, 0x5c);
        CryptographicOperations.ZeroMemory(block);
    }

    /// <summary>True when libcrypto (3 or 1.1) loads and exports the SHA-256 calls.</summary>
    public static bool IsSupported => LibCrypto.Instance is not null;

    /// <summary>The library file in use, or null.</summary>
    public static string? LibraryName => LibCrypto.Instance?.Name;

    /// <summary>Writes the 32-byte HMAC of <paramref name="data"/> into <paramref name="mac"/>.</summary>
    public void Compute(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        if (mac.Length < DigestLength)
        {
            throw new ArgumentException("The MAC is 32 bytes.", nameof(mac));
        }

        var lib = LibCrypto.Instance!;
        Buffer.MemoryCopy(inner, work, ContextLength, ContextLength);
        fixed (byte* message = data)
        {
            lib.Update(work, message, (nuint)data.Length);
        }

        lib.Final(digest, work);
        Buffer.MemoryCopy(outer, work, ContextLength, ContextLength);
        lib.Update(work, digest, DigestLength);
        fixed (byte* output = mac)
        {
            lib.Final(output, work);
        }
    }

    /// <summary>Erases the key's hashed pads.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(contexts);

    private static void Start(byte* context, ReadOnlySpan<byte> key, byte pad)
    {
        Span<byte> padded = stackalloc byte[BlockLength];
        for (int i = 0; i < BlockLength; i++)
        {
            padded[i] = (byte)(key[i] ^ pad);
        }

        var lib = LibCrypto.Instance!;
        lib.Init(context);
        fixed (byte* p = padded)
        {
            lib.Update(context, p, BlockLength);
        }

        CryptographicOperations.ZeroMemory(padded);
    }

    /// <summary>
    /// The three exported calls. They are short, never block and never call back, which is what
    /// <c>SuppressGCTransition</c> asks of a native call; skipping the transition saves most of a call's cost.
    /// </summary>
    private sealed class LibCrypto
    {
        private static readonly string[] Candidates = ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.3.dylib", "libcrypto.1.1.dylib"];

        private readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, int> init;
        private readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, nuint, int> update;
        private readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, int> final;

        private LibCrypto(string name, nint handle)
        {
            Name = name;
            init = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, int>)NativeLibrary.GetExport(handle, "SHA256_Init");
            update = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, nuint, int>)NativeLibrary.GetExport(handle, "SHA256_Update");
            final = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, int>)NativeLibrary.GetExport(handle, "SHA256_Final");
        }

        public static LibCrypto? Instance { get; } = Load();

        public string Name { get; }

        public void Init(byte* context) => Check(init(context));

        public void Update(byte* context, byte* data, nuint length) => Check(update(context, data, length));

        public void Final(byte* output, byte* context) => Check(final(output, context));

        private static void Check(int ok)
        {
            if (ok != 1)
            {
                throw new CryptographicException("OpenSSL's SHA-256 failed.");
            }
        }

        private static LibCrypto? Load()
        {
            foreach (var name in Candidates)
            {
                if (NativeLibrary.TryLoad(name, out var handle)
                    && NativeLibrary.TryGetExport(handle, "SHA256_Init", out _)
                    && NativeLibrary.TryGetExport(handle, "SHA256_Update", out _)
                    && NativeLibrary.TryGetExport(handle, "SHA256_Final", out _))
                {
                    return new LibCrypto(name, handle);
                }
            }

            return null;
        }
    }
}
