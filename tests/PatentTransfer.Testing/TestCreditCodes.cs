using PatentTransfer.Domain.Organisations;

namespace PatentTransfer.Testing;

/// <summary>Fresh, valid credit codes for tests that create organisations (each test owns its data).</summary>
public static class TestCreditCodes
{
    private static int _serial = Random.Shared.Next(0, 1_000_000);

    public static string Next(string regionCode = "130104")
    {
        var serial = Interlocked.Increment(ref _serial);
        var body = $"91{regionCode}TEK{serial % 1_000_000:D6}";
        return body + CreditCode.ComputeCheckCharacter(body);
    }
}
