using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Data.Seeding;
using PatentTransfer.Infrastructure.Email;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Infrastructure.Patents;
using PatentTransfer.Infrastructure.Patents.Import;

namespace PatentTransfer.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Name of the application's connection string (ConnectionStrings__Portal).</summary>
    public const string ConnectionStringName = "Portal";

    /// <summary>
    /// Optional owner connection (ConnectionStrings__PortalAdmin) for migrations and reference data; when absent
    /// the application's connection is used for those too.
    /// </summary>
    public const string AdminConnectionStringName = "PortalAdmin";

    /// <summary>
    /// Database, audit trail, identity store and mail. The context is registered per scope (a Blazor circuit or
    /// a request) because its audit interceptor needs the scope's current user.
    /// </summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder, string connectionStringName = ConnectionStringName)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{connectionStringName}' is not set. Set ConnectionStrings__{connectionStringName} or use ./run.sh, which starts a local PostgreSQL.");
        }

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.TryAddScoped<ICurrentActor, SystemActor>();
        services.AddScoped<AuditSaveChangesInterceptor>();
        services.AddDbContextFactory<PortalDbContext>(
            (sp, options) => options
                .UsePortalDatabase(sp.GetRequiredService<NpgsqlDataSource>())
                .AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>()),
            ServiceLifetime.Scoped);
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<PortalDatabase>();
        services.AddScoped<ReferenceDataLoader>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoCatalogueSeeder>();
        services.AddScoped<DemoDemandSeeder>();
        services.AddScoped<PatentBulkStore>();
        services.AddMemoryCache();
        services.AddSingleton<IpcSymbolCache>();
        services.AddScoped<PatentImportService>();

        services.AddOptions<SleepingPatentOptions>()
            .Bind(builder.Configuration.GetSection(SleepingPatentOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SleepingPatentOptions>>().Value.ToRule());

        services.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection(MailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IMailer, PickupDirectoryMailer>();

        services.AddPortalIdentityCore();
        return builder;
    }
}
