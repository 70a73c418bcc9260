using PatentTransfer.Infrastructure.Data.Seeding;

namespace PatentTransfer.Web.Tests;

/// <summary>The seeded demo accounts, one per role, used as the read-only baseline of access tests.</summary>
public static class Accounts
{
    public const string Password = DemoDataSeeder.DemoPassword;
    public const string Sme = "sme@demo.example";
    public const string Holder = "holder@demo.example";
    public const string Agency = "agency@demo.example";
    public const string Bank = "bank@demo.example";
    public const string ShijiazhuangStaff = "city.sjz@demo.example";
    public const string BaodingStaff = "city.bd@demo.example";
    public const string Provincial = "province@demo.example";
    public const string Administrator = "admin@demo.example";
    public const string PendingSme = "pending@demo.example";
    public const string Institute = "institute@demo.example";
}
