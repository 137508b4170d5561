namespace ResumeSim.Model.Presets;

/// <summary>
/// The client presets a scenario's <c>clients.mix</c> may name. Their settings live in the
/// resumption core (<c>ResumeSim.Tls.ClientPresets</c>); a test keeps the two lists equal.
/// </summary>
public static class ClientPresetNames
{
    public static IReadOnlyList<string> All { get; } = ["chrome", "firefox", "safari", "go", "go-cache", "openssl", "curl", "api-client"];
}
