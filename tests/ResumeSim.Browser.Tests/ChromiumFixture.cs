using Microsoft.Playwright;

namespace ResumeSim.Browser.Tests;

/// <summary>
/// One headless Debian Chromium for the test class, driven by Playwright with ExecutablePath: Playwright's
/// own browser builds are never downloaded (reference/tooling.md). Name look-ups are mapped to nothing,
/// so a report that tried to fetch anything could not.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}; the report's browser test needs it: "
                + "apt-get install -y -o DPkg::Lock::Timeout=600 chromium (.ci/run installs it).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
