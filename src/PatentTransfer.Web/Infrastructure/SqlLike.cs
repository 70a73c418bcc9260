namespace PatentTransfer.Web.Infrastructure;

public static class SqlLike
{
    /// <summary>The escape character of <see cref="Contains"/>; PostgreSQL's default, named so every ILIKE passes it explicitly.</summary>
    public const string EscapeCharacter = "\\";

    /// <summary>An ILIKE pattern matching <paramref name="value"/> anywhere, with LIKE's wildcards taken literally.</summary>
    public static string Contains(string value) =>
        "%" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
