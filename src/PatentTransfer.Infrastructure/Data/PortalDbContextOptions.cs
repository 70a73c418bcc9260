using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PatentTransfer.Infrastructure.Data;

/// <summary>The one place that says how a <see cref="PortalDbContext"/> talks to PostgreSQL.</summary>
public static class PortalDbContextOptions
{
    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, Npgsql).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, Npgsql).UseSnakeCaseNamingConvention();

    private static void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__ef_migrations_history");
}
