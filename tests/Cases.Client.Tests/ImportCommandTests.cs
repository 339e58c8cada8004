using System.Text.Json;
using Cases.Silo.Auth;

namespace Cases.Client.Tests;

/// <summary>`cases import` against a real silo: the summary on standard output, refused rows listed or written to --report, and the exit code.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class ImportCommandTests(CasesSilo silo) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string PermitRow(string document, string rowId, string decidedOn = "2019-04-17") => JsonSerializer.Serialize(new
    {
        kind = "permit-issued", sourceRowId = rowId, decidedOn, identityDocument = document, name = "Zhang Min",
        nationality = "CN", passport = "Chinese", district = "haidian", permitId = $"RWP-{rowId}",
    });

    private async Task<string> FileAsync(string name, string text)
    {
        var path = Path.Combine(_folder.Path, name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    [Fact]
    public async Task ImportPrintsTheSummaryListsTheRefusedRowAndExitsNonZero()
    {
        var file = await FileAsync("register.jsonl", PermitRow(TestProfiles.NewId(), TestProfiles.NewId()) + "\n" + PermitRow(TestProfiles.NewId(), TestProfiles.NewId(), "2019-13-01") + "\n");

        var run = await silo.RunAsync("import", file, "--source", "cli-test-register", "--token", silo.Token(Roles.Admin, "root"));

        Assert.Equal(ExitCodes.ImportRefusals, run.ExitCode);
        Assert.Matches(@"imported\s+1\b", run.Output);
        Assert.Matches(@"refused\s+1\b", run.Output);
        Assert.Matches(@"to decide\s+0\b", run.Output);
        Assert.Matches(@"recorded as\s+import/imp-[0-9a-f]{32}", run.Output);
        Assert.Contains("line 2: refused: decidedOn '2019-13-01' is not a date", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportingTheSameFileAgainReportsEveryRowAlreadyImportedAndExitsZero()
    {
        var file = await FileAsync("register.jsonl", PermitRow(TestProfiles.NewId(), TestProfiles.NewId()) + "\n");
        var admin = silo.Token(Roles.Admin, "root");
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("import", file, "--source", "cli-test-register", "--token", admin)).ExitCode);

        var run = await silo.RunAsync("import", file, "--source", "cli-test-register", "--token", admin);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"imported\s+0\b", run.Output);
        Assert.Matches(@"already imported\s+1\b", run.Output);
    }

    [Fact]
    public async Task ACsvFileInManyPartsKeepsItsLineNumbersAndTheReportFileHoldsTheRefusals()
    {
        var rows = Enumerable.Range(0, ImportChunks.MaxRows + 2)
            .Select(i => $"permit-issued,{TestProfiles.NewId()},2019-04-17,{(i == ImportChunks.MaxRows + 1 ? "" : TestProfiles.NewId())},Zhang Min,CN,Chinese,haidian,RWP-{i}");
        var file = await FileAsync("register.csv", "kind,sourceRowId,decidedOn,identityDocument,name,nationality,passport,district,permitId\n" + string.Join('\n', rows) + "\n");
        var report = Path.Combine(_folder.Path, "report.json");

        var run = await silo.RunAsync("import", file, "--source", "cli-test-csv", "--report", report, "--token", silo.Token(Roles.Admin, "root"));

        Assert.Equal(ExitCodes.ImportRefusals, run.ExitCode);
        Assert.Matches($@"imported\s+{ImportChunks.MaxRows + 1}\b", run.Output);
        var refused = Assert.Single(JsonDocument.Parse(await File.ReadAllTextAsync(report)).RootElement.GetProperty("refused").EnumerateArray());
        Assert.Equal((ImportChunks.MaxRows + 3, "identityDocument"), (refused.GetProperty("line").GetInt32(), refused.GetProperty("field").GetString()));
        Assert.DoesNotContain("line ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerTokenIsForbidden()
    {
        var file = await FileAsync("register.jsonl", PermitRow(TestProfiles.NewId(), TestProfiles.NewId()) + "\n");

        var run = await silo.RunAsync("import", file, "--source", "cli-test-register", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
    }

    [Fact]
    public async Task AQuotedCsvCellSpanningLinesStaysInOnePartWithTheHeaderRepeated()
    {
        var text = "a,b\n" + string.Join("", Enumerable.Range(0, ImportChunks.MaxRows - 1).Select(i => $"x{i},y\n")) + "\"multi\nline\",z\nlast,row\n";

        var chunks = new List<ImportChunk>();
        await foreach (var chunk in ImportChunks.ReadAsync(new StringReader(text), csv: true))
            chunks.Add(chunk);

        Assert.Equal([2, ImportChunks.MaxRows + 3], chunks.Select(c => c.FirstLine));
        Assert.EndsWith("\"multi\nline\",z\n", chunks[0].Body, StringComparison.Ordinal);
        Assert.Equal("a,b\nlast,row\n", chunks[1].Body);
    }
}
