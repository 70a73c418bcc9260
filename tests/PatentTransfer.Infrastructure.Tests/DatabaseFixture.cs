using PatentTransfer.Testing;

[assembly: AssemblyFixture(typeof(PatentTransfer.Infrastructure.Tests.DatabaseFixture))]

namespace PatentTransfer.Infrastructure.Tests;

/// <summary>One migrated database with reference data for this test assembly.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;

    public async ValueTask InitializeAsync() => Database = await TestDatabase.CreateAsync("infra");

    public async ValueTask DisposeAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
