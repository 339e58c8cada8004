namespace Cases.Grains.Contracts;

/// <summary>One hour of the intake dashboard (<see cref="Cases.Domain.ReadModels.IntakeDashboard"/>); its state is read with GetState.</summary>
public interface IIntakeDashboardGrain : IReadModelGrain;
