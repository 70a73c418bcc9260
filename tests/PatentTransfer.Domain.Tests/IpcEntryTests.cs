using PatentTransfer.Domain.Reference;

namespace PatentTransfer.Domain.Tests;

public class IpcEntryTests
{
    [Theory]
    [InlineData("H", IpcLevel.Section, null)]
    [InlineData("H01", IpcLevel.Class, "H")]
    [InlineData("H01M", IpcLevel.Subclass, "H01")]
    [InlineData("H01M10/00", IpcLevel.MainGroup, "H01M")]
    [InlineData("A01B1/00", IpcLevel.MainGroup, "A01B")]
    [InlineData("C07D487/00", IpcLevel.MainGroup, "C07D")]
    [InlineData("A01D101/00", IpcLevel.MainGroup, "A01D")]
    [InlineData("H01M10/0525", IpcLevel.Subgroup, "H01M10/00")]
    [InlineData("A01B1/02", IpcLevel.Subgroup, "A01B1/00")]
    [InlineData("C07D487/04", IpcLevel.Subgroup, "C07D487/00")]
    [InlineData("A01D101/1234", IpcLevel.Subgroup, "A01D101/00")]
    public void ParentIsTheEnclosingSymbol(string code, IpcLevel level, string? parent)
    {
        Assert.Equal(parent, IpcEntry.ParentOf(code, level));
    }

    [Fact]
    public void UnknownLevelThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IpcEntry.ParentOf("H01", (IpcLevel)99));
    }

    [Fact]
    public void EntryKeepsWhatItIsGiven()
    {
        var entry = new IpcEntry("H01M10/0525", IpcLevel.Subgroup, "锂离子电池", "H01M10/00");

        Assert.Equal("H01M10/0525", entry.Code);
        Assert.Equal(IpcLevel.Subgroup, entry.Level);
        Assert.Equal("锂离子电池", entry.Title);
        Assert.Equal("H01M10/00", entry.ParentCode);
    }
}
