namespace PatentTransfer.Domain.Identity;

public enum PasswordProblem
{
    None,
    TooShort,
    TooLong,
    TooFewCharacterKinds,
}

/// <summary>
/// At least 8 characters using at least 3 of: upper case, lower case, digit, symbol. The upper bound keeps
/// hashing cost bounded against oversized inputs.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;
    public const int RequiredKinds = 3;

    public static PasswordProblem Check(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return PasswordProblem.TooShort;
        }

        if (password.Length > MaxLength)
        {
            return PasswordProblem.TooLong;
        }

        bool upper = false, lower = false, digit = false, symbol = false;
        foreach (var c in password)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                upper = true;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                lower = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                symbol = true;
            }
        }

        var kinds = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        return kinds >= RequiredKinds ? PasswordProblem.None : PasswordProblem.TooFewCharacterKinds;
    }
}
