using Microsoft.Playwright;

namespace RolloutOperator.Cli.Tests.Dashboard;

/// <summary>
/// One headless Chromium per test class: Debian's /usr/bin/chromium driven by Playwright's bundled driver (no browser
/// download). A missing browser fails every test with the fix in the message; it never skips.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser is not started");

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("DASHBOARD_CHROMIUM") is { Length: > 0 } configured ? configured : ChromiumPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Chromium is not installed at {path}: run scripts/install-tools.sh (apt-get install -y chromium). The dashboard's browser tests need it.");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // CI runs every test project at once on two cores: give live updates time rather than fail on a busy machine.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        // --no-sandbox: CI runs as root, where Chromium refuses its sandbox.
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = path, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh page (own context: no shared cookies or storage) with a light colour scheme unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(ColorScheme scheme = ColorScheme.Light, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ColorScheme = scheme, ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Screenshots are test artifacts under artifacts/dashboard/ (docs/images/ holds the copies the docs show).</summary>
    public static string Screenshot(string name)
    {
        var directory = Path.Combine(RolloutOperator.Testing.TestPaths.RepoRoot, "artifacts", "dashboard");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }
}
