namespace PatentTransfer.Domain.Common;

/// <summary>
/// A business rule refused an operation. <see cref="Code"/> is a stable key that the web layer turns into a
/// message in the user's language (resource key "Rule.{Code}"), so the domain stays free of UI text.
/// </summary>
public sealed class DomainRuleException(string code, string? detail = null)
    : InvalidOperationException(detail is null ? code : $"{code}: {detail}")
{
    public string Code { get; } = code;
}
