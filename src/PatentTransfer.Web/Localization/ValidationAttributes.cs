using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Organisations;

namespace PatentTransfer.Web.Localization;

// DataAnnotations attributes whose messages come from SharedResource in the current UI language. {0} is the
// field's display name ([Display(Name = ..., ResourceType = typeof(SharedResource))]).

public sealed class RequiredFieldAttribute : RequiredAttribute
{
    public RequiredFieldAttribute()
    {
        ErrorMessageResourceType = typeof(SharedResource);
        ErrorMessageResourceName = nameof(SharedResource.Validation_Required);
    }
}

/// <summary>Maximum length in user-perceived characters (a Chinese character counts as one).</summary>
public sealed class TextLengthAttribute(int maximum) : ValidationAttribute
{
    public int Maximum { get; } = maximum;

    public int Minimum { get; init; }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrEmpty(text) || (Text.DisplayLength(text.Trim()) <= Maximum && Text.DisplayLength(text.Trim()) >= Minimum);

    public override string FormatErrorMessage(string name) =>
        Minimum > 0
            ? Texts.Format(SharedResource.Validation_LengthRange, name, Minimum, Maximum)
            : Texts.Format(SharedResource.Validation_MaxLength, name, Maximum);
}

/// <summary>Refuses markup (tags, script URLs) in free text, with a message instead of storing it.</summary>
public sealed class NoMarkupAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || !Text.ContainsMarkup(text);

    public override string FormatErrorMessage(string name) => Texts.Format(SharedResource.Validation_NoMarkup, name);
}

/// <summary>
/// An address as the HTML standard defines a valid e-mail address (what a browser's type=email accepts), with a
/// dot in the domain: the framework's EmailAddressAttribute only looks for an @ and lets tags through.
/// </summary>
public sealed partial class EmailFieldAttribute : ValidationAttribute
{
    public const int MaxLength = 256;

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || (text.Trim().Length <= MaxLength && EmailPattern().IsMatch(text.Trim()));

    public override string FormatErrorMessage(string name) => Texts.Format(SharedResource.Validation_Email, name);

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();
}

/// <summary>Mainland mobile (13812345678) or landline with area code (0311-12345678).</summary>
public sealed partial class PhoneFieldAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || PhonePattern().IsMatch(Text.NormaliseInput(text));

    public override string FormatErrorMessage(string name) => SharedResource.Validation_Phone;

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")]
    private static partial Regex PhonePattern();
}

public sealed class CreditCodeFieldAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || CreditCode.TryParse(text, out _, out _);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text) || CreditCode.TryParse(text, out _, out var error))
        {
            return ValidationResult.Success;
        }

        return new ValidationResult(Texts.Enum(error), validationContext.MemberName is { } member ? [member] : null);
    }
}

public sealed class MatchesAttribute(string otherProperty) : CompareAttribute(otherProperty)
{
    public override string FormatErrorMessage(string name) => SharedResource.Validation_PasswordMismatch;
}
