using System.Text;
using Cases.Journal.Storage;

namespace Cases.Storage.Conformance;

/// <summary>What every <see cref="IGrainStateTable"/> must do; a store's test project derives from this with its own table.</summary>
public abstract class GrainStateTableConformance
{
    protected abstract IGrainStateTable Table { get; }

    /// <summary>A grain type no other test uses, so tests sharing one table never see each other's rows.</summary>
    protected static string NewType() => $"view-{Guid.NewGuid():N}";

    [Fact]
    public async Task AGrainNeverWrittenReadsAsNull()
    {
        Assert.Null(await Table.ReadAsync(NewType(), "P-1"));
    }

    [Fact]
    public async Task AWriteReadsBackItsBytesAndTheETagItAnswered()
    {
        var type = NewType();
        var state = Encoding.UTF8.GetBytes("""{"open":3}""");

        var etag = await Table.WriteAsync(type, "P-1", null, state);

        var row = await Table.ReadAsync(type, "P-1");
        Assert.NotNull(row);
        Assert.Equal(state, row.State);
        Assert.Equal(etag, row.ETag);
        Assert.False(string.IsNullOrEmpty(etag));
    }

    [Fact]
    public async Task EveryWriteAnswersAFreshETag()
    {
        var type = NewType();
        var first = await Table.WriteAsync(type, "P-1", null, Bytes(1));

        var second = await Table.WriteAsync(type, "P-1", first, Bytes(2));

        Assert.NotEqual(first, second);
        AssertRow(new GrainStateRow([2], second), await Table.ReadAsync(type, "P-1"));
    }

    [Fact]
    public async Task AWriteOnAStaleETagThrowsNamingBothETagsAndChangesNothing()
    {
        var type = NewType();
        var first = await Table.WriteAsync(type, "P-1", null, Bytes(1));
        var second = await Table.WriteAsync(type, "P-1", first, Bytes(2));

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => Table.WriteAsync(type, "P-1", first, Bytes(3)));

        Assert.Equal((first, second), (conflict.Expected, conflict.Actual));
        Assert.Contains(first, conflict.Message, StringComparison.Ordinal);
        Assert.Contains(second, conflict.Message, StringComparison.Ordinal);
        AssertRow(new GrainStateRow([2], second), await Table.ReadAsync(type, "P-1"));
    }

    [Fact]
    public async Task AFirstWriteThatNamesAnETagThrowsAndWritesNothing()
    {
        var type = NewType();

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => Table.WriteAsync(type, "P-1", "made-up", Bytes(1)));

        Assert.Equal(("made-up", (string?)null), (conflict.Expected, conflict.Actual));
        Assert.Null(await Table.ReadAsync(type, "P-1"));
    }

    [Fact]
    public async Task AWriteWithoutAnETagOverAnExistingRowThrows()
    {
        var type = NewType();
        var etag = await Table.WriteAsync(type, "P-1", null, Bytes(1));

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => Table.WriteAsync(type, "P-1", null, Bytes(2)));

        Assert.Equal(((string?)null, etag), (conflict.Expected, conflict.Actual));
        AssertRow(new GrainStateRow([1], etag), await Table.ReadAsync(type, "P-1"));
    }

    [Fact]
    public async Task ClearingOnTheStoredETagRemovesTheRowAndAFirstWriteMayFollow()
    {
        var type = NewType();
        var etag = await Table.WriteAsync(type, "P-1", null, Bytes(1));

        await Table.ClearAsync(type, "P-1", etag);

        Assert.Null(await Table.ReadAsync(type, "P-1"));
        var again = await Table.WriteAsync(type, "P-1", null, Bytes(2));
        AssertRow(new GrainStateRow([2], again), await Table.ReadAsync(type, "P-1"));
    }

    [Fact]
    public async Task ClearingOnAWrongETagThrowsAndKeepsTheRow()
    {
        var type = NewType();
        var etag = await Table.WriteAsync(type, "P-1", null, Bytes(1));

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => Table.ClearAsync(type, "P-1", "made-up"));

        Assert.Equal(("made-up", etag), (conflict.Expected, conflict.Actual));
        AssertRow(new GrainStateRow([1], etag), await Table.ReadAsync(type, "P-1"));
    }

    [Fact]
    public async Task ClearingARowThatIsGoneOnItsOldETagThrows()
    {
        var type = NewType();
        var etag = await Table.WriteAsync(type, "P-1", null, Bytes(1));
        await Table.ClearAsync(type, "P-1", etag);

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => Table.ClearAsync(type, "P-1", etag));

        Assert.Equal(((string?)etag, (string?)null), (conflict.Expected, conflict.Actual));
    }

    [Fact]
    public async Task ClearingAGrainNeverWrittenWithoutAnETagSucceeds()
    {
        var type = NewType();

        await Table.ClearAsync(type, "P-1", null);

        Assert.Null(await Table.ReadAsync(type, "P-1"));
    }

    [Fact]
    public async Task TwoGrainTypesWithTheSameIdAreSeparateRows()
    {
        var (housing, permits) = (NewType(), NewType());
        var housingETag = await Table.WriteAsync(housing, "P-1", null, Bytes(1));

        var permitsETag = await Table.WriteAsync(permits, "P-1", null, Bytes(2));
        await Table.ClearAsync(housing, "P-1", housingETag);

        Assert.Null(await Table.ReadAsync(housing, "P-1"));
        AssertRow(new GrainStateRow([2], permitsETag), await Table.ReadAsync(permits, "P-1"));
    }

    [Fact]
    public async Task AOneMebibyteStateRoundTrips()
    {
        var type = NewType();
        var state = new byte[1024 * 1024];
        new Random(42).NextBytes(state);

        var etag = await Table.WriteAsync(type, "big", null, state);

        var row = await Table.ReadAsync(type, "big");
        Assert.Equal(etag, row!.ETag);
        Assert.True(state.AsSpan().SequenceEqual(row.State), "the stored bytes differ");
    }

    [Fact]
    public async Task OfEightConcurrentWritesOnTheSameETagExactlyOneWins()
    {
        var type = NewType();
        var etag = await Table.WriteAsync(type, "hot", null, Bytes(0));

        var attempts = Enumerable.Range(1, 8).Select(i => Attempt(type, etag, (byte)i)).ToArray();
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, o => o.ETag is not null);
        Assert.All(outcomes.Where(o => o.ETag is null), o => Assert.Equal(((string?)etag, winner.ETag), (o.Conflict!.Expected, o.Conflict.Actual)));
        AssertRow(new GrainStateRow([winner.Value], winner.ETag!), await Table.ReadAsync(type, "hot"));
    }

    private async Task<(byte Value, string? ETag, GrainStateConflictException? Conflict)> Attempt(string type, string etag, byte value)
    {
        await Task.Yield();
        try
        {
            return (value, await Table.WriteAsync(type, "hot", etag, Bytes(value)), null);
        }
        catch (GrainStateConflictException e)
        {
            return (value, null, e);
        }
    }

    private static byte[] Bytes(params byte[] bytes) => bytes;

    // A record compares its byte array by reference; this compares the bytes.
    private static void AssertRow(GrainStateRow expected, GrainStateRow? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ETag, actual.ETag);
        Assert.Equal(expected.State, actual.State);
    }
}
