using System.Text.RegularExpressions;

namespace PatentTransfer.Matching.Demands;

/// <summary>
/// Places the sentences of one demand, section by section, into the parts of <see cref="DemandTextSections"/>. A
/// headed targets, basis or background section keeps its sentences; a problem section and text without headings
/// are read sentence by sentence: market talk that leads in or closes is background, a company profile is basis, a
/// sentence with a quantified goal gives its goal clauses to the targets. One instance reads one demand, in order.
/// </summary>
/// <param name="folded">The demand's content, width-folded (<see cref="Text.TextFolding.FoldWidth"/>).</param>
/// <param name="targets">The quantified targets of the whole content.</param>
/// <param name="pullTargets">Whether a problem section's sentences with quantified goals move to the targets; not
/// when the SME wrote a targets section of its own.</param>
internal sealed class DemandSectionReader(string folded, IReadOnlyList<DemandTargetParser.Found> targets, bool pullTargets)
{
    private const int ShortHead = 4;

    private readonly DemandSegmentList _segments = new(folded.Length);

    private readonly Dictionary<string, DemandTextPart> _sentencesSeen = new(StringComparer.Ordinal);

    /// <summary>
    /// A heading is the form's label, except before budget or cooperation terms: "项目预算：300万元" says what the
    /// number is, so that heading stays with its terms (an aside of the problem).
    /// </summary>
    public void AddHeading(DemandHeading heading) =>
        _segments.Add(
            heading.Start,
            heading.End,
            heading.Kind.Part(),
            heading.Kind == DemandSectionKind.Terms ? DemandTextRole.Aside : DemandTextRole.Heading);

    public IReadOnlyList<DemandTextSegment> Complete() => _segments.Complete();

    public void ReadSection(int start, int end, DemandSectionKind kind)
    {
        // Market talk is background only where it leads into the problem, before anything the SME needs.
        var leadIn = kind is DemandSectionKind.Open or DemandSectionKind.Problem;
        foreach (var (unitStart, textStart, unitEnd) in DemandTextUnits.Sentences(folded, start, end))
        {
            var pieces = new List<Piece>();
            var textPieces = ReadSentence(textStart, unitEnd, kind, ref leadIn);
            if (textStart > unitStart)
            {
                // List numbering ("1、", "（2）") goes with its sentence's part; a query has no use for it.
                var part = textPieces.Count > 0 ? textPieces[0].Part : kind.Part();
                pieces.Add(new Piece(unitStart, textStart, part, DemandTextRole.Aside));
            }

            pieces.AddRange(textPieces);
            if (FirstSaid(textStart, unitEnd, pieces) is { } firstPart)
            {
                // A pasted-again sentence goes where its first copy went, whatever section the copy landed in.
                _segments.Add(unitStart, unitEnd, firstPart, DemandTextRole.Repeat);
                continue;
            }

            foreach (var piece in pieces)
            {
                _segments.Add(piece.Start, piece.End, piece.Part, piece.Role);
            }
        }
    }

    private List<Piece> ReadSentence(int start, int end, DemandSectionKind kind, ref bool leadIn)
    {
        var pieces = new List<Piece>();
        switch (kind)
        {
            case DemandSectionKind.Basis when DemandTextCues.StrongNeed().IsMatch(folded[start..end])
                && !DemandTextCues.Basis().IsMatch(folded[start..end]):
                // "1、实验基础：…3、…无法修补，寻求一种钛材+碳钢的焊接技术。": the need the SME forgot to head.
                AddWithAsides(pieces, start, end, DemandTextPart.Problem);
                return pieces;
            case DemandSectionKind.Targets or DemandSectionKind.Basis or DemandSectionKind.Background:
                AddWithAsides(pieces, start, end, kind.Part());
                return pieces;
            case DemandSectionKind.Terms:
                pieces.Add(new Piece(start, end, DemandTextPart.Problem, DemandTextRole.Aside));
                return pieces;
        }

        var position = start;
        if (leadIn)
        {
            position = LeadIn(start, end);
            if (position > start)
            {
                pieces.Add(new Piece(start, position, DemandTextPart.Background, DemandTextRole.Body));
            }

            if (position == end)
            {
                return pieces;
            }

            leadIn = false;
        }

        var sentence = folded[position..end];
        var goal = FirstGoal(position, end);
        var basisCues = DemandTextCues.Basis().Count(sentence);
        if (goal is null && basisCues >= 2 && (basisCues >= 3 || DemandTextCues.Company().IsMatch(sentence))
            && !DemandTextCues.Need().IsMatch(sentence))
        {
            // A company profile: two cues about the company ("公司拥有…生产线"), or three about anyone.
            pieces.Add(new Piece(position, end, DemandTextPart.Basis, DemandTextRole.Body));
            return pieces;
        }

        var problemEnd = end;
        if (goal is { } target && (kind == DemandSectionKind.Open || pullTargets))
        {
            // "本公司现需求一种…线材生产技术，线材直径小于50μm，…": the need stays, the numbers are targets. A head of a
            // few characters ("要求：", "且，") belongs to the targets.
            var clauseStart = DemandTextUnits.ClauseStart(folded, position, target.Start);
            problemEnd = clauseStart - position <= ShortHead ? position : clauseStart;
        }

        var benefitStart = problemEnd == end ? BenefitClose(position, end) : end;
        if (benefitStart > position)
        {
            AddWithAsides(pieces, position, Math.Min(problemEnd, benefitStart), DemandTextPart.Problem);
        }

        if (problemEnd < end)
        {
            AddWithAsides(pieces, problemEnd, end, DemandTextPart.Targets);
        }
        else if (benefitStart < end)
        {
            pieces.Add(new Piece(benefitStart, end, DemandTextPart.Background, DemandTextRole.Body));
        }

        return pieces;
    }

    /// <summary>
    /// Where the background that opens a problem stops: a whole sentence of market talk with no need in it, or
    /// the clauses of "随着…，…越来越…，" up to the first that turns to the SME ("目前…存在…问题").
    /// </summary>
    private int LeadIn(int start, int end)
    {
        var sentence = folded[start..end];
        if (DemandTextCues.BackgroundOpener().IsMatch(sentence))
        {
            var backgroundEnd = start;
            foreach (var (clauseStart, clauseEnd) in DemandTextUnits.Clauses(folded, start, end))
            {
                var clause = folded[clauseStart..clauseEnd];
                if (DemandTextCues.Turn().IsMatch(clause) || HasTarget(clauseStart, clauseEnd))
                {
                    break;
                }

                backgroundEnd = clauseEnd;
            }

            return backgroundEnd;
        }

        var isBackground = DemandTextCues.BackgroundTalk().IsMatch(sentence) && !DemandTextCues.Turn().IsMatch(sentence)
            && !HasTarget(start, end);
        return isBackground ? end : start;
    }

    /// <summary>
    /// Where a closing promise of benefits starts ("…，具有巨大市场容量，应用前景广阔。"); the whole sentence
    /// when what comes before is only a few characters ("这一问题的解决，将会产生较大的经济效益和社会效益。").
    /// </summary>
    private int BenefitClose(int start, int end)
    {
        var clauses = DemandTextUnits.Clauses(folded, start, end);
        var close = end;
        for (var i = clauses.Count - 1; i >= 0; i--)
        {
            var (clauseStart, clauseEnd) = clauses[i];
            var clause = folded[clauseStart..clauseEnd];
            if (!DemandTextCues.Benefit().IsMatch(clause) || HasTarget(clauseStart, clauseEnd))
            {
                break;
            }

            close = clauseStart;
        }

        return close < end && close - start <= 10 ? start : close;
    }

    /// <summary>Adds a run of one part, marking company facts, terms and filler clauses as asides in problem and targets.</summary>
    private void AddWithAsides(List<Piece> pieces, int start, int end, DemandTextPart part)
    {
        if (part is DemandTextPart.Basis or DemandTextPart.Background)
        {
            pieces.Add(new Piece(start, end, part, DemandTextRole.Body));
            return;
        }

        foreach (var (clauseStart, clauseEnd) in DemandTextUnits.Clauses(folded, start, end))
        {
            var clause = folded[clauseStart..clauseEnd];
            var aside = DemandTextCues.CompanyFact().IsMatch(clause) || DemandTextCues.Filler().IsMatch(clause)
                || DemandTextCues.Terms().IsMatch(clause);
            pieces.Add(new Piece(clauseStart, clauseEnd, part, aside ? DemandTextRole.Aside : DemandTextRole.Body));
        }
    }

    /// <summary>The first target in the run that reads as wanted rather than as the present state.</summary>
    private DemandTargetParser.Found? FirstGoal(int start, int end)
    {
        foreach (var found in targets)
        {
            if (found.Start < start || found.Start >= end || (found.End < folded.Length && folded[found.End] == '的'))
            {
                // Outside the run, or an attribute of a noun rather than a goal: "直径超过5米以上的大型转盘轴承".
                continue;
            }

            // The last word before the target's clause ends decides: "现在烧损率为1.5%，希望降低到1.0%以下" is a
            // goal, "目前…屈服强度达到550MPa" and "氧含量低于6ppm的产品只有40%" are not.
            var clauseEnd = DemandTextUnits.ClauseEnd(folded, found.End, end);
            var context = folded[start..clauseEnd];
            var current = LastEnd(DemandTextCues.CurrentState(), context);
            var wanted = LastEnd(DemandTextCues.Goal(), context);
            var isGoal = found.Target.Comparator == TargetComparator.Between
                ? wanted > current // a bare range is as often a working condition ("臭氧水浓度为16~60ppm")
                : current < 0 || wanted > current;
            if (isGoal)
            {
                return found;
            }
        }

        return null;
    }

    private bool HasTarget(int start, int end) => targets.Any(found => found.Start >= start && found.Start < end);

    /// <summary>Where the last match ends, or -1: "可提高" (a possibility) and "提高" inside it end together.</summary>
    private static int LastEnd(Regex pattern, string text)
    {
        var last = -1;
        foreach (Match match in pattern.Matches(text))
        {
            last = match.Index + match.Length;
        }

        return last;
    }

    /// <summary>
    /// The part the first copy of this sentence went to when it was said before (at least eight characters, white
    /// space ignored); null when it is new, and then it is remembered with the part of its first piece.
    /// </summary>
    private DemandTextPart? FirstSaid(int start, int end, List<Piece> pieces)
    {
        var key = string.Concat(folded.AsSpan(start, end - start).ToString().Where(character => !char.IsWhiteSpace(character)));
        if (key.Length < 8 || pieces.Count == 0)
        {
            return null;
        }

        if (_sentencesSeen.TryGetValue(key, out var part))
        {
            return part;
        }

        var said = pieces.FindIndex(piece => piece.Role != DemandTextRole.Aside);
        _sentencesSeen[key] = pieces[Math.Max(said, 0)].Part;
        return null;
    }

    private readonly record struct Piece(int Start, int End, DemandTextPart Part, DemandTextRole Role);
}
