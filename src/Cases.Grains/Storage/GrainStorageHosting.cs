using Cases.Journal.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Cases.Grains.Storage;

/// <summary>Registers <see cref="TableGrainStorage"/> as a silo's grain storage; the host registers the <see cref="IGrainStateTable"/>.</summary>
public static class GrainStorageHosting
{
    /// <summary>Makes our table the default grain storage (<c>[PersistentState("state")]</c> without a provider name), as Orleans' own providers register.</summary>
    public static ISiloBuilder AddTableGrainStorageAsDefault(this ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, Create);
        return silo;
    }

    // A serializer registered under the provider's name wins over the silo's default, as for Orleans' own providers.
    private static TableGrainStorage Create(IServiceProvider services, string name) =>
        ActivatorUtilities.CreateInstance<TableGrainStorage>(services,
            services.GetKeyedService<IGrainStorageSerializer>(name) ?? services.GetRequiredService<IGrainStorageSerializer>());
}
