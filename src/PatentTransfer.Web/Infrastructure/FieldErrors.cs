namespace PatentTransfer.Web.Infrastructure;

/// <summary>A refused edit: the message for each field the user has to correct.</summary>
public sealed record FieldErrors(IReadOnlyDictionary<string, string> Errors)
{
    public static FieldErrors None { get; } = new(new Dictionary<string, string>());

    public string? this[string field] => Errors.GetValueOrDefault(field);
}
