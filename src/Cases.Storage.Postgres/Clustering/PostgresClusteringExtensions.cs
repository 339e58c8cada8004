using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Cases.Storage.Postgres.Clustering;

/// <summary>Registers the PostgreSQL membership table with a silo's services.</summary>
public static class PostgresClusteringExtensions
{
    /// <summary>Makes <see cref="PostgresMembershipTable"/> the silo's <see cref="IMembershipTable"/>, configured by <paramref name="configure"/>.</summary>
    public static IServiceCollection AddPostgresMembership(this IServiceCollection services, Action<PostgresClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.AddSingleton<IMembershipTable, PostgresMembershipTable>();
        return services;
    }
}
