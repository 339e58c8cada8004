using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Cases.Domain;
using Cases.Grains.Contracts;
using Cases.Silo.Api;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Cases.Console.Tests;

/// <summary>The real silo on Kestrel at 127.0.0.1 (temp data folder, known signing key) and a headless Debian Chromium driving it.</summary>
public sealed class ConsoleSilo : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cases-console-" + Guid.NewGuid().ToString("N"));
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private Host _host = null!;
    private IPlaywright _playwright = null!;

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public TokenService Tokens { get; private set; } = null!;

    public ProgrammeGrains Grains => _host.Services.GetRequiredService<ProgrammeGrains>();

    /// <summary>Where page screenshots are kept as test artifacts.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        _host = new Host(_folder, Convert.ToBase64String(_key));
        _host.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _host.StartServer();
        Address = new Uri(_host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        Tokens = new TokenService(_key, TimeProvider.System);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the store is left to the OS's temp cleanup.
        }
    }

    /// <summary>A fresh browser page (own cookies) signed in to the console with a token for the role and subject.</summary>
    public async Task<IPage> SignInAsync(string role, string subject)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console/sign-in");
        await page.FillAsync("#token", Tokens.Issue(role, subject, TimeSpan.FromHours(1)));
        await page.ClickAsync("#sign-in");
        // The form posts and the silo redirects to the role's home; the page itself says when it has loaded, because on a busy
        // machine Playwright's load-event tracking now and then missed the event and waited out its 30 s.
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.EndsWith("/console/sign-in", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("document.readyState === 'complete'");
        return page;
    }

    /// <summary>Saves a full-page screenshot as a test artifact.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>An HTTP client to the silo's API with a bearer token (or none).</summary>
    public HttpClient Api(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Registers an eligible applicant through the API, has them recognised and apply for permit-1; returns the applicant's key.</summary>
    public async Task<string> ApplicantWithPendingPermitAsync(Func<Task>? betweenRegistrationAndApplication = null)
    {
        using var anonymous = Api();
        var response = await anonymous.PostAsJsonAsync("/applicants", Profiles.Eligible($"P-{Guid.NewGuid():N}"[..20]));
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<CaseCreated>())!;
        if (betweenRegistrationAndApplication is not null)
            await betweenRegistrationAndApplication();
        using var own = Api(created.Token);
        (await own.PostAsJsonAsync($"/applicants/{created.CaseId}/recognition", new { applicationId = "rec-1" })).EnsureSuccessStatusCode();
        (await own.PostAsJsonAsync($"/applicants/{created.CaseId}/permits", new { permitId = "permit-1", employerReference = "acme-cert-1" })).EnsureSuccessStatusCode();
        await QueuedAsync(created.CaseId);
        return created.CaseId;
    }

    /// <summary>Waits until the officers' queue (a read model the streams feed) lists the applicant; read in-process, so no access is recorded.</summary>
    public async Task QueuedAsync(string applicant)
    {
        var bucket = Grains.Factory.GetGrain<Cases.Grains.Contracts.IOfficerQueueGrain>(Cases.Domain.ReadModels.OfficerQueue.BucketOf(applicant));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await bucket.Oldest(new Cases.Grains.Contracts.QueueFilter(null, null), 0, 10_000)).Oldest.Any(a => a.ApplicantKey == applicant))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{applicant} never reached the officers' queue.");
            await Task.Delay(20);
        }
    }

    /// <summary>Executes a command on a grain in-process as an actor, failing the test if it is rejected.</summary>
    public async Task ExecuteAsync<TState, TCommand>(IDeciderGrain<TState, TCommand> grain, TCommand command, string actor = "admin:test-seed")
        where TCommand : notnull
    {
        var result = await grain.Execute(command, new CommandMeta(Actor: actor));
        Assert.True(result.IsAccepted, $"{command} was rejected: {result.Rejection}");
    }

    public Programme Programme => Grains.Programme;

    private sealed class Host(string folder, string signingKey) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cases:DataDirectory"] = folder,
                ["Cases:Auth:SigningKey"] = signingKey,
            }));
            builder.ConfigureLogging(l => l.ClearProviders());
        }
    }
}

/// <summary>Shares one silo and browser among the console tests.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleSiloCollection : ICollectionFixture<ConsoleSilo>
{
    public const string Name = "console silo";
}
