using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PatentTransfer.Infrastructure.Data;

/// <summary>
/// Lets `dotnet ef migrations add` build the model without starting the web app. No database is contacted;
/// the connection string only tells Npgsql which provider features to assume.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase("Host=localhost;Database=patenttransfer_design");
        return new PortalDbContext(options.Options);
    }
}
