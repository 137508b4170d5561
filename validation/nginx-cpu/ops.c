/*
 * The per-operation server costs of validation/nginx-cpu, timed on Debian's OpenSSL 3.0 (libssl,
 * libcrypto) with the calls the real code paths make, on one thread pinned to the worker's core:
 *
 *   ticket_seal   OpenSSL construct_stateless_ticket (ssl/statem/statem_srvr.c): encode the
 *                 session, decode a private copy, encode it again, fetch AES-256-CBC and HMAC,
 *                 a random IV, AES-256-CBC encrypt, HMAC-SHA256 over name + IV + ciphertext.
 *   ticket_open   OpenSSL tls_decrypt_ticket (ssl/t1_lib.c): HMAC-SHA256 and a constant-time
 *                 compare, AES-256-CBC decrypt, decode the session.
 *   store_insert  nginx ngx_ssl_new_session (src/event/ngx_event_openssl.c): the session's
 *                 length, then its encoding into the shared zone (the zone's lock, slab
 *                 allocation and tree insert are not timed: a few hundred ns of integer work).
 *   store_lookup  nginx ngx_ssl_get_cached_session: decode the stored session (tree walk untimed).
 *   x25519, p256  the server's (EC)DHE in a handshake: decode the client's share, generate the
 *                 server's key pair, encode its public key, derive the shared secret
 *                 (OpenSSL ssl_generate_pkey + ssl_derive, through EVP as libssl does).
 *
 * Prints "name median_ns min_ns max_ns" over --reps repetitions of --iters operations each.
 * Build: gcc -O2 -o ops ops.c -lssl -lcrypto   (Debian: libssl-dev)
 */
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static SSL_SESSION *server_session(SSL_CTX *ctx)
{
    /* What a server's TLS 1.2 session holds: version, suite, master secret, a 32 B id, the id
     * context nginx sets, times, the SNI name; no peer certificate (no client authentication). */
    SSL *ssl = SSL_new(ctx);
    const unsigned char suite[2] = {0xC0, 0x2C}; /* ECDHE-ECDSA-AES256-GCM-SHA384 */
    unsigned char secret[48], id[32], sid_ctx[16];
    SSL_SESSION *s = SSL_SESSION_new();
    RAND_bytes(secret, sizeof secret);
    RAND_bytes(id, sizeof id);
    RAND_bytes(sid_ctx, sizeof sid_ctx);
    SSL_SESSION_set_protocol_version(s, TLS1_2_VERSION);
    SSL_SESSION_set_cipher(s, SSL_CIPHER_find(ssl, suite));
    SSL_SESSION_set1_master_key(s, secret, sizeof secret);
    SSL_SESSION_set1_id(s, id, sizeof id);
    SSL_SESSION_set1_id_context(s, sid_ctx, sizeof sid_ctx);
    SSL_SESSION_set_time(s, (long)time(NULL));
    SSL_SESSION_set_timeout(s, 300);
    SSL_SESSION_set1_hostname(s, "localhost");
    SSL_free(ssl);
    return s;
}

static unsigned char aes_key[32], hmac_key[32], key_name[16];

static int seal(SSL_SESSION *session, unsigned char *out)
{
    int full = i2d_SSL_SESSION(session, NULL);
    unsigned char *senc = OPENSSL_malloc(full), *p = senc;
    const unsigned char *cp = senc;
    i2d_SSL_SESSION(session, &p);
    SSL_SESSION *copy = d2i_SSL_SESSION(NULL, &cp, full);
    int slen = i2d_SSL_SESSION(copy, NULL);
    p = senc;
    i2d_SSL_SESSION(copy, &p);
    SSL_SESSION_free(copy);

    EVP_CIPHER_CTX *cctx = EVP_CIPHER_CTX_new();
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    EVP_MAC_CTX *mctx = EVP_MAC_CTX_new(mac);
    EVP_CIPHER *cipher = EVP_CIPHER_fetch(NULL, "AES-256-CBC", NULL);
    OSSL_PARAM params[2] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, "SHA256", 0), OSSL_PARAM_construct_end()};
    unsigned char *iv = out + 16;
    int len, fin;
    size_t hlen;
    memcpy(out, key_name, 16);
    RAND_bytes(iv, 16);
    EVP_EncryptInit_ex(cctx, cipher, NULL, aes_key, iv);
    EVP_MAC_init(mctx, hmac_key, sizeof hmac_key, params);
    EVP_CIPHER_free(cipher);
    EVP_EncryptUpdate(cctx, out + 32, &len, senc, slen);
    EVP_EncryptFinal(cctx, out + 32 + len, &fin);
    EVP_MAC_update(mctx, out, 32 + len + fin);
    EVP_MAC_final(mctx, out + 32 + len + fin, &hlen, 32);
    EVP_MAC_CTX_free(mctx);
    EVP_MAC_free(mac);
    EVP_CIPHER_CTX_free(cctx);
    OPENSSL_free(senc);
    return 32 + len + fin + (int)hlen;
}

static SSL_SESSION *open_ticket(const unsigned char *ticket, int length)
{
    EVP_CIPHER_CTX *cctx = EVP_CIPHER_CTX_new();
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    EVP_MAC_CTX *mctx = EVP_MAC_CTX_new(mac);
    EVP_CIPHER *cipher = EVP_CIPHER_fetch(NULL, "AES-256-CBC", NULL);
    OSSL_PARAM params[2] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, "SHA256", 0), OSSL_PARAM_construct_end()};
    unsigned char tag[32], plain[512];
    size_t hlen;
    int body = length - 32, len, fin;
    SSL_SESSION *s = NULL;
    EVP_MAC_init(mctx, hmac_key, sizeof hmac_key, params);
    EVP_DecryptInit_ex(cctx, cipher, NULL, aes_key, ticket + 16);
    EVP_CIPHER_free(cipher);
    EVP_MAC_update(mctx, ticket, body);
    EVP_MAC_final(mctx, tag, &hlen, sizeof tag);
    if (CRYPTO_memcmp(tag, ticket + body, 32) == 0
        && EVP_DecryptUpdate(cctx, plain, &len, ticket + 32, body - 32)
        && EVP_DecryptFinal(cctx, plain + len, &fin)) {
        const unsigned char *p = plain;
        s = d2i_SSL_SESSION(NULL, &p, len + fin);
    }
    EVP_MAC_CTX_free(mctx);
    EVP_MAC_free(mac);
    EVP_CIPHER_CTX_free(cctx);
    return s;
}

/* libssl's ssl_generate_param_group: an empty key of the group, to take the peer's point. */
static EVP_PKEY *param_group(const char *algorithm, const char *group)
{
    EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_name(NULL, algorithm, NULL);
    EVP_PKEY *params = NULL;
    EVP_PKEY_paramgen_init(pctx);
    if (group != NULL)
        EVP_PKEY_CTX_set_group_name(pctx, group);
    EVP_PKEY_paramgen(pctx, &params);
    EVP_PKEY_CTX_free(pctx);
    return params;
}

/* libssl's ssl_generate_pkey_group: a fresh key pair of the group. */
static EVP_PKEY *generate(const char *algorithm, const char *group)
{
    EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_name(NULL, algorithm, NULL);
    EVP_PKEY *key = NULL;
    EVP_PKEY_keygen_init(pctx);
    if (group != NULL)
        EVP_PKEY_CTX_set_group_name(pctx, group);
    EVP_PKEY_keygen(pctx, &key);
    EVP_PKEY_CTX_free(pctx);
    return key;
}

/* The server side of one (EC)DHE: tls_parse_ctos_key_share, tls_construct_stoc_key_share, ssl_derive. */
static void key_exchange(const char *algorithm, const char *group, const unsigned char *client_pub, size_t client_len)
{
    EVP_PKEY *peer = param_group(algorithm, group);
    EVP_PKEY_set1_encoded_public_key(peer, client_pub, client_len);
    EVP_PKEY *mine = generate(algorithm, group);
    unsigned char *encoded = NULL, secret[64];
    size_t secret_len = sizeof secret;
    EVP_PKEY_get1_encoded_public_key(mine, &encoded);
    EVP_PKEY_CTX *dctx = EVP_PKEY_CTX_new(mine, NULL);
    EVP_PKEY_derive_init(dctx);
    EVP_PKEY_derive_set_peer(dctx, peer);
    EVP_PKEY_derive(dctx, secret, &secret_len);
    EVP_PKEY_CTX_free(dctx);
    OPENSSL_free(encoded);
    EVP_PKEY_free(mine);
    EVP_PKEY_free(peer);
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int reps = 9, iters = 2000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--reps") == 0) reps = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--iters") == 0) iters = atoi(argv[i + 1]);
    }
    RAND_bytes(aes_key, sizeof aes_key);
    RAND_bytes(hmac_key, sizeof hmac_key);
    RAND_bytes(key_name, sizeof key_name);
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    SSL_SESSION *session = server_session(ctx);
    unsigned char ticket[512], stored[512];
    int ticket_len = seal(session, ticket);
    int stored_len = i2d_SSL_SESSION(session, NULL);
    { unsigned char *p = stored; i2d_SSL_SESSION(session, &p); }
    SSL_SESSION *opened = open_ticket(ticket, ticket_len);
    if (opened == NULL) { fprintf(stderr, "ops: a sealed ticket did not open\n"); return 1; }
    SSL_SESSION_free(opened);

    unsigned char *x_pub = NULL, *p256_pub = NULL;
    size_t x_len = EVP_PKEY_get1_encoded_public_key(generate("X25519", NULL), &x_pub);
    size_t p256_len = EVP_PKEY_get1_encoded_public_key(generate("EC", "P-256"), &p256_pub);

    printf("# session %d B DER, ticket %d B (OpenSSL %s)\n", stored_len, ticket_len, OpenSSL_version(OPENSSL_VERSION_STRING));
    const char *names[] = {"ticket_seal", "ticket_open", "store_insert", "store_lookup", "x25519", "p256"};
    double *samples = malloc(sizeof(double) * reps);
    for (int op = 0; op < 6; op++) {
        for (int r = 0; r < reps; r++) {
            double start = now_ns();
            for (int i = 0; i < iters; i++) {
                switch (op) {
                case 0: seal(session, ticket); break;
                case 1: SSL_SESSION_free(open_ticket(ticket, ticket_len)); break;
                case 2: { unsigned char buf[512], *p = buf; if (i2d_SSL_SESSION(session, NULL) > 0) i2d_SSL_SESSION(session, &p); break; }
                case 3: { const unsigned char *p = stored; SSL_SESSION_free(d2i_SSL_SESSION(NULL, &p, stored_len)); break; }
                case 4: key_exchange("X25519", NULL, x_pub, x_len); break;
                case 5: key_exchange("EC", "P-256", p256_pub, p256_len); break;
                }
            }
            samples[r] = (now_ns() - start) / iters;
        }
        qsort(samples, reps, sizeof(double), compare);
        printf("%s %.0f %.0f %.0f\n", names[op], samples[reps / 2], samples[0], samples[reps - 1]);
    }
    free(samples);
    return 0;
}
