using PatentTransfer.Matching.Demands;

namespace PatentTransfer.Matching.Tests.Demands;

/// <summary>The property every read demand must have, whatever the text: every character in exactly one part.</summary>
internal static class DemandTextAssertions
{
    public static void AssertNothingLost(string content, DemandTextSections sections)
    {
        Assert.Equal(content, sections.Content);

        // The segments tile the content: each starts where the last ended, none is empty, the last ends at the end.
        var end = 0;
        foreach (var segment in sections.Segments)
        {
            Assert.Equal(end, segment.Start);
            Assert.True(segment.Length > 0, $"empty segment at {segment.Start}");
            end = segment.End;
        }

        Assert.Equal(content.Length, end);

        // Each part is exactly its segments, so the four parts hold every character once.
        foreach (var part in Enum.GetValues<DemandTextPart>())
        {
            var expected = string.Concat(sections.Segments.Where(segment => segment.Part == part)
                .Select(segment => content.Substring(segment.Start, segment.Length)));
            Assert.Equal(expected, Text(sections, part));
        }

        var parts = sections.Problem + sections.TargetsText + sections.Basis + sections.Background;
        Assert.Equal(content.Length, parts.Length);
        Assert.Equal(content.Order(), parts.Order());
    }

    public static string Text(DemandTextSections sections, DemandTextPart part) => part switch
    {
        DemandTextPart.Problem => sections.Problem,
        DemandTextPart.Targets => sections.TargetsText,
        DemandTextPart.Basis => sections.Basis,
        DemandTextPart.Background => sections.Background,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };
}
