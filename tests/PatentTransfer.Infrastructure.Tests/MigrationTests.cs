using Microsoft.EntityFrameworkCore;

namespace PatentTransfer.Infrastructure.Tests;

public class MigrationTests(DatabaseFixture fixture)
{
    [Fact]
    public async Task ModelHasNoChangesMissingFromTheMigrations()
    {
        await using var db = fixture.Database.CreateOwnerContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The model differs from the last migration: run `dotnet ef migrations add`.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
