namespace ResumeSim.Model.Configuration;

public enum TicketCipherKind
{
    Aes128CbcHmacSha256,
    Aes256CbcHmacSha256,
    Aes256Gcm,
}
