using Cases.Silo.Api;

namespace Cases.Silo.Tests.Api;

/// <summary>The CSV cell writer every export uses: a spreadsheet opening the file sees text, never a formula.</summary>
public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"open\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1+2", "\"'\t=1+2\"")]
    [InlineData("\r=1+2", "\"'\r=1+2\"")]
    public void ATextCellStartingLikeAFormulaIsQuotedAndStartsWithAnApostrophe(string value, string cell) =>
        Assert.Equal(cell, CsvCells.Text(value));

    [Theory]
    [InlineData("Quantum Sensing Ltd", "\"Quantum Sensing Ltd\"")]
    [InlineData("a \"quoted\", split\r\nline=1", "\"a \"\"quoted\"\", split\r\nline=1\"")]
    [InlineData("", "\"\"")]
    public void OtherTextCellsAreQuotedAndKeptAsTheyAre(string value, string cell) => Assert.Equal(cell, CsvCells.Text(value));

    [Fact]
    public void AMissingValueIsAnEmptyCellAndARowEndsInCrlf() =>
        Assert.Equal(",\"x\",-5\r\n", CsvCells.Row([CsvCells.Text(null), CsvCells.Text("x"), CsvCells.Number(-5)]));
}
