using Cases.Grains.Tests.Support;
using Cases.Journal.Events;

namespace Cases.Grains.Tests.Journaling;

[Collection(SharedClusterCollection.Name)]
public sealed class UpcastingTests(SharedCluster shared)
{
    [Fact]
    public async Task AnOldPayloadStillLoadsAfterItsEventTypeEvolves()
    {
        var key = $"n-{Guid.NewGuid():N}";
        await shared.Silo.Grain<INoteBookV1Grain>(key).Execute("first note");

        var grain = shared.Silo.Grain<INoteBookV2Grain>(key);
        await grain.Execute("second note");
        var state = await grain.GetState();

        Assert.Equal(["first note (by unknown)", "second note (by system)"], state.State);
        var stored = await shared.Silo.StreamAsync($"notebook/{key}");
        Assert.Equal([1, 2], stored.Select(e => e.SchemaVersion));
    }

    [Fact]
    public void APayloadWithNoUpcasterFailsLoudlyInsteadOfLoadingWrongState()
    {
        var registry = new EventTypeRegistry<object>(new System.Text.Json.JsonSerializerOptions());
        registry.Add<NoteTakenV2>("NoteTaken", schemaVersion: 3);

        var error = Assert.Throws<InvalidOperationException>(() => registry.Deserialize("NoteTaken", 1, """{"text":"x"}"""));

        Assert.Contains("from schema 1 to 2", error.Message, StringComparison.Ordinal);
    }
}
