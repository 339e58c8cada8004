using Cases.Grains.Journaling;

namespace Cases.Grains.Tests.Journaling;

public sealed class SnapshotScheduleTests
{
    [Fact]
    public void ASnapshotIsDueOnceEveryIntervalOfEvents()
    {
        var schedule = new SnapshotSchedule(every: 10);
        schedule.Folded(500);

        Assert.False(schedule.TryTake(9));
        Assert.True(schedule.TryTake(10));
        Assert.False(schedule.TryTake(10)); // taken: the next is counted from version 10
        schedule.Folded(500);
        Assert.False(schedule.TryTake(19));
        Assert.True(schedule.TryTake(20));
    }

    [Fact]
    public void ALargeStateIsNotRewrittenBeforeTheEventsSinceItOutweighIt()
    {
        var schedule = new SnapshotSchedule(every: 10);
        schedule.Loaded(version: 100, size: 10_000);

        schedule.Folded(4_000);
        Assert.False(schedule.TryTake(120));
        schedule.Folded(6_000);
        Assert.True(schedule.TryTake(121));
    }

    [Fact]
    public void TheSizeOfTheSnapshotWrittenSetsTheNextThreshold()
    {
        var schedule = new SnapshotSchedule(every: 10);
        schedule.Folded(100);
        Assert.True(schedule.TryTake(10));
        schedule.Written(5_000);

        schedule.Folded(1_000);
        Assert.False(schedule.TryTake(30));
        schedule.Folded(4_000);
        Assert.True(schedule.TryTake(31));
    }

    [Fact]
    public void NoSnapshotIsEverDueWhenSnapshotsAreOff()
    {
        var schedule = new SnapshotSchedule(every: 0);
        schedule.Folded(1_000_000);

        Assert.False(schedule.TryTake(1_000_000));
    }
}
