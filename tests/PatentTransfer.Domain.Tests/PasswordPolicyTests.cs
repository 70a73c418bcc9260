using PatentTransfer.Domain.Identity;

namespace PatentTransfer.Domain.Tests;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("Abcdefg1")]     // upper, lower, digit
    [InlineData("abcdefg1!")]    // lower, digit, symbol
    [InlineData("ABCDEFG1!")]    // upper, digit, symbol
    [InlineData("Abcdefgh!")]    // upper, lower, symbol
    [InlineData("专利Abc123")]   // CJK counts as a symbol kind
    public void AcceptsThreeOfFourKinds(string password) =>
        Assert.Equal(PasswordProblem.None, PasswordPolicy.Check(password));

    [Theory]
    [InlineData(null, PasswordProblem.TooShort)]
    [InlineData("Ab1!", PasswordProblem.TooShort)]
    [InlineData("Abcdef1", PasswordProblem.TooShort)]
    [InlineData("abcdefgh", PasswordProblem.TooFewCharacterKinds)]
    [InlineData("abcdefg1", PasswordProblem.TooFewCharacterKinds)]
    [InlineData("ABCDEFGH", PasswordProblem.TooFewCharacterKinds)]
    [InlineData("12345678!", PasswordProblem.TooFewCharacterKinds)]
    public void RejectsWeakPasswords(string? password, PasswordProblem expected) =>
        Assert.Equal(expected, PasswordPolicy.Check(password));

    [Fact]
    public void RejectsOversizedPasswords() =>
        Assert.Equal(PasswordProblem.TooLong, PasswordPolicy.Check("Aa1!" + new string('x', 200)));
}
