using ResumeSim.Tls;

namespace ResumeSim.Model.Configuration;

/// <summary>
/// The shipped cost profile, from whole connections of real nginx measured on this project's machine
/// (docs/costs.md, "How the default profile was measured"; validation/nginx-cpu/measure.sh): one
/// nginx 1.22.1 worker (OpenSSL 3.0.19) pinned to one core of a 2-vCPU KVM guest (Intel Xeon, Debian
/// 12), a load generator pinned to the other, one connection at a time of every kind in turn, each
/// one HTTP/1.1 request; the worker's CPU from /proc/&lt;pid&gt;/schedstat after each connection; the
/// median over 6 rounds of 20 s, taken between the segments of the CPU check's trace
/// (docs/validation.md). Every
/// figure below is such a median, in microseconds; the profile's prices are derived from them here so
/// that the derivation can be read and checked.
/// </summary>
internal static class DefaultCostProfile
{
    // Plain HTTP on the same nginx, among the TLS connections: accept, request, response, access log,
    // close. The base. (Alone, in batches of its own, it cost 49 us: docs/costs.md.)
    private const double Plain = 113.4;

    // Per-operation costs, validation/nginx-cpu/ops.c on the worker's core (medians of 6 x 2000):
    // OpenSSL's construct_stateless_ticket and tls_decrypt_ticket, nginx's shared-cache insert (the
    // session's encoding) and lookup (its decoding), and the server side of one X25519 and one P-256
    // exchange through libssl's calls. None of them is 0; all are below what whole connections resolve.
    private const double TicketSeal = 15.33;
    private const double TicketOpen = 6.61;
    private const double StoreInsert = 2.14;
    private const double StoreLookup = 2.85;
    private const double X25519 = 103.93;
    private const double P256 = 203.03;

    // ML-KEM-768 encapsulation, the server's share of X25519MLKEM768: the pq-crystals reference
    // implementation (portable C, FIPS 203 `standard` branch) built with gcc -O3 on the machine the profile was measured on,
    // validation/mlkem/run.sh. Its AVX2 build took 8.2 us (docs/costs.md).
    private const double MlKem768Encaps = 45.9;

    public static CostProfile Create()
    {
        var table = new Dictionary<(ProtocolVersion, CertificateKind, CostedHandshake), double>();

        // Whole TLS connections per certificate: TLS 1.2 full and resumed on a session-ID listener
        // (tickets off, shared cache) and on a ticket listener; TLS 1.3 full and psk_dhe_ke.
        Add(table, CertificateKind.EcdsaP256, full12Id: 626.6, resumed12Id: 345.1, full12Ticket: 645.5, resumed12Ticket: 346.2, full13: 701.3, pskDhe13: 612.9);
        Add(table, CertificateKind.Rsa2048, full12Id: 1036.1, resumed12Id: 353.5, full12Ticket: 1021.7, resumed12Ticket: 352.5, full13: 1087.1, pskDhe13: 630.1);
        Add(table, CertificateKind.Rsa4096, full12Id: 5672.0, resumed12Id: 338.0, full12Ticket: 5688.5, resumed12Ticket: 341.8, full13: 5834.5, pskDhe13: 620.2);

        return new CostProfile(
            "default",
            "validation/nginx-cpu/measure.sh, taking turns with check.sh's trace: whole connections of nginx 1.22.1 / OpenSSL 3.0.19, one worker pinned " +
            "to one core of a 2-vCPU KVM guest (Intel Xeon, Debian 12), client on the other core, worker CPU from /proc/<pid>/schedstat, medians of " +
            "6 rounds of 20 s with the kinds in turn, 2026-12-03 10:02-10:10 UTC, load average about 3 (a machine shared with other work); psk_ke derived (psk_dhe less " +
            "one X25519 exchange); operations and key exchanges from ops.c and validation/mlkem",
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
