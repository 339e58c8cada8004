using Cases.Grains.Journaling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cases.Silo.Tests;

/// <summary>How the silo reads its settings.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task GrainOptionsAreBoundFromTheCasesOrleansAndGrainsSections()
    {
        await using var factory = SiloFactory.WithDataDirectory(_folder.Path,
            ("Cases:Orleans:IdleTimeout", "00:00:42"), ("Cases:Grains:SnapshotEvery", "7"));

        var collection = factory.Services.GetRequiredService<IOptions<Orleans.Configuration.GrainCollectionOptions>>().Value;
        var journal = factory.Services.GetRequiredService<IOptions<JournalOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(42), collection.CollectionAge);
        Assert.Equal(7, journal.SnapshotEvery);
    }

    [Fact]
    public async Task ConfigurationChangesTheClassOfADisciplineCodeAndKeepsTheOthers()
    {
        await using var factory = SiloFactory.WithDataDirectory(_folder.Path,
            ("Cases:Rules:DisciplineClasses:09", "Other"), ("Cases:Rules:DisciplineClasses:1201", "Stem"));

        var classes = factory.Services.GetRequiredService<Domain.Rules.RuleSet>().DisciplineClasses;

        Assert.Equal(Domain.Disciplines.DisciplineClass.Other, classes["09"]);
        Assert.Equal(Domain.Disciplines.DisciplineClass.Stem, classes["1201"]);
        Assert.Equal(Domain.Disciplines.DisciplineClass.Stem, classes["08"]);
    }

    [Fact]
    public async Task TheDefaultAddressIsLoopbackPort5080()
    {
        await using var factory = SiloFactory.WithDataDirectory(_folder.Path);

        var urls = factory.Services.GetRequiredService<IConfiguration>()["Urls"];

        Assert.Equal("http://127.0.0.1:5080", urls);
    }

    [Fact]
    public async Task ARelativeDataDirectoryIsTakenFromTheContentRoot()
    {
        await using var factory = new SiloFactory(
            new Dictionary<string, string?> { ["Cases:DataDirectory"] = "relative" },
            contentRoot: _folder.Path);

        factory.CreateClient().Dispose();

        Assert.True(File.Exists(Path.Combine(_folder.Path, "relative", "cases.db")));
    }

    [Fact]
    public async Task AnEmptyDataDirectoryStopsTheSiloFromStarting()
    {
        // Built directly: WebApplicationFactory reports a failed start as a race-dependent ObjectDisposedException.
        await using var app = DirectSilo.Build(_folder.Path, ("Cases:DataDirectory", ""));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Cases:DataDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCityTimeZoneStopsTheSiloFromStarting()
    {
        await using var app = DirectSilo.Build(_folder.Path, ("Cases:Rules:TimeZone", "Atlantis/Capital"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Cases:Rules:TimeZone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCityTimeZoneIsPartOfTheConfiguredRuleSet()
    {
        await using var factory = SiloFactory.WithDataDirectory(_folder.Path, ("Cases:Rules:TimeZone", "Europe/Berlin"), ("Cases:Rules:Version", "berlin-1"));

        var clock = factory.Services.GetRequiredService<CityClock>();

        Assert.Equal("Europe/Berlin", factory.Services.GetRequiredService<Domain.Rules.RuleSet>().TimeZone);
        Assert.Equal(new DateOnly(2026, 12, 1), clock.Calendar.DateOf(new DateTimeOffset(2026, 12, 1, 19, 46, 0, TimeSpan.Zero)));
    }
}
