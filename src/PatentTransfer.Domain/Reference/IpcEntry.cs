namespace PatentTransfer.Domain.Reference;

public enum IpcLevel
{
    Section,
    Class,
    Subclass,
    MainGroup,
    Subgroup,
}

/// <summary>One symbol of the International Patent Classification with its Chinese title.</summary>
public sealed class IpcEntry
{
    public IpcEntry(string code, IpcLevel level, string title, string? parentCode)
    {
        Code = code;
        Level = level;
        Title = title;
        ParentCode = parentCode;
    }

    /// <summary>"H", "H01", "H01M", "H01M10/00", "H01M10/0525".</summary>
    public string Code { get; private set; }

    public IpcLevel Level { get; private set; }
    public string Title { get; private set; }

    /// <summary>
    /// The enclosing symbol. Subgroups point at their main group: the source table has no dot levels, so the
    /// finer subgroup hierarchy is not known.
    /// </summary>
    public string? ParentCode { get; private set; }

    public static string? ParentOf(string code, IpcLevel level) => level switch
    {
        IpcLevel.Section => null,
        IpcLevel.Class => code[..1],
        IpcLevel.Subclass => code[..3],
        IpcLevel.MainGroup => code[..4],
        IpcLevel.Subgroup => code[..(code.IndexOf('/', StringComparison.Ordinal) + 1)] + "00",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };
}
