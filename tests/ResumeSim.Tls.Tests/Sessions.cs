namespace ResumeSim.Tls.Tests;

internal static class Sessions
{
    public static SessionState Tls12(long createdAt = 0, long lifetime = Times.Hour, string? sni = "www.example.com", string? alpn = "h2") =>
        new(TlsVersion.Tls12, 0xC02F, Secret(1), sni, alpn, createdAt, lifetime, createdAt);

    public static SessionState Tls13(long createdAt = 0, long lifetime = Times.Hour, string? sni = "www.example.com", string? alpn = "h2") =>
        new(TlsVersion.Tls13, 0x1302, Secret(2), sni, alpn, createdAt, lifetime, createdAt, ticketAgeAdd: 12345, ticketNonce: 7, maxEarlyData: 16384);

    public static byte[] Secret(byte fill)
    {
        var s = new byte[SessionState.MasterSecretLength];
        Array.Fill(s, fill);
        return s;
    }

    public static SessionId Id(int n)
    {
        var bytes = new byte[SessionId.Length];
        BitConverter.TryWriteBytes(bytes, n + 1);
        return SessionId.FromBytes(bytes);
    }

    /// <summary>Stores keep sessions serialized, as nginx does: what comes back is an equal record, not the same object.</summary>
    public static void AssertSameContent(SessionState expected, SessionState? actual)
    {
        Assert.NotNull(actual);
        var a = new byte[expected.SerializedLength];
        var b = new byte[actual.SerializedLength];
        expected.Serialize(a);
        actual.Serialize(b);
        Assert.Equal(a, b);
    }
}
