namespace PatentTransfer.Matching.Demands;

/// <summary>
/// Segments added in order; adjacent runs of the same part and role are merged. A gap or an overlap is a bug in the
/// reader, so it throws: every character of a demand must land in exactly one part.
/// </summary>
internal sealed class DemandSegmentList(int length)
{
    private readonly List<DemandTextSegment> _segments = [];
    private int _end;

    public void Add(int start, int end, DemandTextPart part, DemandTextRole role)
    {
        if (start != _end || end < start)
        {
            throw new InvalidOperationException($"segment [{start}, {end}) does not follow {_end}");
        }

        if (end == start)
        {
            return;
        }

        if (_segments.Count > 0 && _segments[^1] is { } last && last.Part == part && last.Role == role)
        {
            _segments[^1] = last with { Length = last.Length + end - start };
        }
        else
        {
            _segments.Add(new DemandTextSegment(start, end - start, part, role));
        }

        _end = end;
    }

    public IReadOnlyList<DemandTextSegment> Complete()
    {
        if (_end != length)
        {
            throw new InvalidOperationException($"segments end at {_end} of {length}");
        }

        return _segments;
    }
}
