namespace PatentTransfer.Web.Infrastructure;

public enum CommandStatus
{
    Succeeded,
    NotFound,
    Forbidden,

    /// <summary>Someone else saved the record first; nothing was written.</summary>
    Conflict,

    /// <summary>A rule or a field check refused the change; nothing was written.</summary>
    Invalid,
}

/// <summary>Outcome of a change a user asked for, with a message in the user's language when it failed.</summary>
public sealed record CommandResult(CommandStatus Status, string? Message = null)
{
    public static CommandResult Ok { get; } = new(CommandStatus.Succeeded);

    public bool Succeeded => Status == CommandStatus.Succeeded;

    public static CommandResult NotFound(string message) => new(CommandStatus.NotFound, message);

    public static CommandResult Forbidden(string message) => new(CommandStatus.Forbidden, message);

    public static CommandResult Conflict(string message) => new(CommandStatus.Conflict, message);

    public static CommandResult Invalid(string message) => new(CommandStatus.Invalid, message);
}

/// <summary>One page of a server-side paged list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);
