namespace ResumeSim.Model.Configuration;

/// <summary>
/// The shipped cost profile, from whole connections of real nginx measured on this project's machine
/// (docs/costs.md, "How the default profile was measured"; validation/nginx-cpu/measure.sh): one
/// nginx 1.22.1 worker (OpenSSL 3.0.19) pinned to one core of a 2-vCPU KVM guest (Intel Xeon, Debian
/// 12), a load generator pinned to the other, one connection at a time, each one HTTP/1.1 request;
/// the worker's CPU from /proc/&lt;pid&gt;/schedstat; the median over rounds of 2 s batches. Every
/// figure below is such a median, in microseconds; the profile's prices are derived from them here so
/// that the derivation can be read and checked.
/// </summary>
internal static class DefaultCostProfile
{
    // Plain HTTP on the same nginx: accept, request, response, access log, close. The base.
    private const double Plain = 57.8;

    // Per-operation costs, validation/nginx-cpu/ops.c on the worker's core (medians of 9 x 2000):
    // OpenSSL's construct_stateless_ticket and tls_decrypt_ticket, nginx's shared-cache insert (the
    // session's encoding) and lookup (its decoding), and the server side of one X25519 and one P-256
    // exchange through libssl's calls. None of them is 0; all are below what whole connections resolve.
    private const double TicketSeal = 9.95;
    private const double TicketOpen = 4.86;
    private const double StoreInsert = 2.94;
    private const double StoreLookup = 2.16;
    private const double X25519 = 91.78;
    private const double P256 = 191.94;

    // ML-KEM-768 encapsulation, the server's share of X25519MLKEM768: the pq-crystals reference
    // implementation (portable C, FIPS 203 `standard` branch) built with gcc -O3 on this machine,
    // validation/mlkem/run.sh. Its AVX2 build took 9.8 us (docs/costs.md).
    private const double MlKem768Encaps = 67.9;

    public static CostProfile Create()
    {
        var table = new Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double>();

        // Whole TLS connections per certificate: TLS 1.2 full and resumed on a session-ID listener
        // (tickets off, shared cache) and on a ticket listener; TLS 1.3 full and psk_dhe_ke.
        Add(table, CertificateKind.EcdsaP256, full12Id: 669.1, resumed12Id: 370.5, full12Ticket: 644.6, resumed12Ticket: 360.0, full13: 706.4, pskDhe13: 608.3);
        Add(table, CertificateKind.Rsa2048, full12Id: 1015.4, resumed12Id: 320.0, full12Ticket: 1022.7, resumed12Ticket: 355.2, full13: 1075.9, pskDhe13: 618.5);
        Add(table, CertificateKind.Rsa4096, full12Id: 5428.6, resumed12Id: 405.2, full12Ticket: 5460.1, resumed12Ticket: 381.8, full13: 5645.2, pskDhe13: 649.9);

        return new CostProfile(
            "default",
            "validation/nginx-cpu/measure.sh: whole connections of nginx 1.22.1 / OpenSSL 3.0.19, one worker pinned to one core of a 2-vCPU KVM guest " +
            "(Intel Xeon, Debian 12), client on the other core, worker CPU from /proc/<pid>/schedstat, medians of 9 rounds of 2 s batches, 2026-12-03, " +
            "load average about 7 (shared machine); psk_ke derived (psk_dhe less one X25519 exchange); operations and key exchanges from ops.c and validation/mlkem",
            table,
            ticketSealMicros: TicketSeal,
            ticketOpenMicros: TicketOpen,
            storeOperationMicros: Math.Round((StoreInsert + StoreLookup) / 2, 2))
        {
            ConnectionMicros = Plain,
            KeyExchangeMicros = new Dictionary<KeyExchangeKind, double>
            {
                [KeyExchangeKind.P256] = Math.Round(P256 - X25519, 1),
                [KeyExchangeKind.X25519MlKem768] = MlKem768Encaps,
            },
        };
    }

    /// <summary>
    /// A handshake's price is its connection less the base and less the operations it did, which the
    /// model charges on their own: a TLS 1.2 full handshake on the ID listener stores a session, on the
    /// ticket listener seals a ticket; a resumption looks up a session or opens a ticket (OpenSSL issues
    /// no new TLS 1.2 ticket then); TLS 1.3 seals OpenSSL's 2 tickets after a full handshake and opens
    /// one and seals one on psk_dhe_ke. The two TLS 1.2 listeners measure the same handshake; their
    /// mean is taken. psk_ke is not produced by nginx (OpenSSL refuses it without
    /// SSL_OP_ALLOW_NO_DHE_KEX): psk_dhe_ke less one X25519 exchange.
    /// </summary>
    private static void Add(
        Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double> table,
        CertificateKind certificate,
        double full12Id,
        double resumed12Id,
        double full12Ticket,
        double resumed12Ticket,
        double full13,
        double pskDhe13)
    {
        var full12 = (full12Id - StoreInsert + full12Ticket - TicketSeal) / 2 - Plain;
        var resumed12 = (resumed12Id - StoreLookup + resumed12Ticket - TicketOpen) / 2 - Plain;
        var dhe13 = pskDhe13 - Plain - TicketOpen - TicketSeal;
        table[(ProtocolVersion.Tls12, certificate, CostedHandshake.Full)] = Math.Round(full12);
        table[(ProtocolVersion.Tls12, certificate, CostedHandshake.Resumed)] = Math.Round(resumed12);
        table[(ProtocolVersion.Tls13, certificate, CostedHandshake.Full)] = Math.Round(full13 - Plain - (2 * TicketSeal));
        table[(ProtocolVersion.Tls13, certificate, CostedHandshake.PskDhe)] = Math.Round(dhe13);
        table[(ProtocolVersion.Tls13, certificate, CostedHandshake.Psk)] = Math.Round(dhe13 - X25519);
    }
}
