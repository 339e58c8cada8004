namespace Cases.Grains.Contracts;

/// <summary>One park's statistics (<see cref="Cases.Domain.ReadModels.ParkStatistics"/>); its state is read with GetState.</summary>
public interface IParkStatisticsGrain : IReadModelGrain;
