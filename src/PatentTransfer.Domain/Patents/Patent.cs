using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Patents;

/// <summary>
/// A patent (or application) of a holder organisation in the catalogue. Its details are what the holder states;
/// <see cref="LastDayOfProtection"/> follows from type and filing date, and the legal history is a timeline of
/// events. Demo patents carry real texts with generated attributes and say so.
/// </summary>
public sealed class Patent : IAuditable, IVersioned
{
    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create("，。；,;：:");

    private readonly List<LegalEvent> _legalEvents = [];

    // For EF Core.
    private Patent()
    {
        ApplicationNumber = string.Empty;
        Abstract = string.Empty;
        FurtherIpc = [];
        CoOwners = [];
        Inventors = [];
        Keywords = [];
    }

    public Patent(PatentDetails details, Guid holderOrganisationId, DateOnly today, DateTimeOffset now, bool isDemo = false, string? source = null)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        HolderOrganisationId = holderOrganisationId;
        CreatedAt = now;
        IsDemo = isDemo;
        Source = source;
        Apply(details, today, now);
        AuditAction = AuditActions.PatentCreated;
    }

    public Guid Id { get; private set; }

    /// <summary>Canonical application number ("202110123456.7"); unique in the catalogue.</summary>
    public string ApplicationNumber { get; private set; }

    public string? PublicationNumber { get; private set; }
    public PatentType Type { get; private set; }

    /// <summary>Null when the source has no title; show <see cref="DisplayTitle"/>.</summary>
    public string? Title { get; private set; }

    public string Abstract { get; private set; }
    public string? Claims { get; private set; }
    public string? MainIpc { get; private set; }
    public string[] FurtherIpc { get; private set; }
    public string? Locarno { get; private set; }
    public Guid HolderOrganisationId { get; private set; }
    public string[] CoOwners { get; private set; }
    public string[] Inventors { get; private set; }
    public DateOnly FilingDate { get; private set; }
    public DateOnly? PublicationDate { get; private set; }
    public DateOnly? GrantDate { get; private set; }
    public DateOnly LastDayOfProtection { get; private set; }
    public LegalStatus Status { get; private set; }
    public string[] Keywords { get; private set; }
    public string? IndustryCode { get; private set; }

    /// <summary>
    /// The events recorded after filing. The grant is not among them unless the source recorded it as an event:
    /// it is <see cref="GrantDate"/>, and <see cref="Timeline"/> shows it.
    /// </summary>
    public IReadOnlyList<LegalEvent> LegalEvents => _legalEvents;

    /// <summary>The legal history as the patent page shows it: the recorded events and the grant, by date.</summary>
    public IReadOnlyList<LegalEvent> Timeline => TimelineOf(GrantDate, _legalEvents);

    /// <summary>
    /// The import (a patent_imports row) or batch that added the patent to the catalogue; its audit entry names who
    /// and when (decision 0010). Null for patents entered one by one, which are audited on their own.
    /// </summary>
    public Guid? ImportBatchId { get; private set; }

    /// <summary>Real text with generated owner, dates and classification, for demonstrations.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>Where the text comes from when it is third-party data (shown with the patent).</summary>
    public string? Source { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public string? AuditAction { get; set; }

    Guid? IAuditable.AuditOrganisationId => HolderOrganisationId;

    public string DisplayTitle => DisplayTitleOf(Title, Abstract);

    /// <summary>All classification symbols, main first.</summary>
    public IEnumerable<string> IpcCodes => MainIpc is null ? FurtherIpc : FurtherIpc.Prepend(MainIpc);

    /// <summary>
    /// The title to show: the stated one, or for a patent whose source has none, the abstract's opening words
    /// marked as such ("〔摘要〕一种…"), so no heading is ever empty and nobody takes it for the real title.
    /// </summary>
    public static string DisplayTitleOf(string? title, string @abstract)
    {
        if (!string.IsNullOrWhiteSpace(title))
        {
            return title;
        }

        var text = @abstract.AsSpan().Trim();
        // Abstracts of the source data sometimes start with drawing reference numerals ("200一种…").
        while (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or ' '))
        {
            text = text[1..];
        }

        var end = text.IndexOfAny(ClauseEnds);
        var opening = (end > 0 ? text[..end] : text).ToString();
        if (opening.StartsWith("本发明", StringComparison.Ordinal) || opening.StartsWith("本实用新型", StringComparison.Ordinal) || opening.StartsWith("本申请", StringComparison.Ordinal))
        {
            // "本发明公开了一种X" → "一种X"
            var kind = opening.IndexOf("一种", StringComparison.Ordinal);
            opening = kind >= 0 ? opening[kind..] : opening;
        }

        if (opening.Length > 40)
        {
            opening = opening[..40] + "…";
        }

        return opening.Length == 0 ? "〔无标题〕" : "〔摘要〕" + opening;
    }

    /// <summary>
    /// The grant date as an event among the recorded ones, unless one of them is the grant already (an older
    /// catalogue stored it as an event), ordered by date.
    /// </summary>
    public static IReadOnlyList<LegalEvent> TimelineOf(DateOnly? grantDate, IEnumerable<LegalEvent> events)
    {
        var timeline = events.ToList();
        if (grantDate is { } granted && timeline.All(e => e.Type != LegalEventType.Grant))
        {
            timeline.Add(new LegalEvent(granted, LegalEventType.Grant, null));
        }

        // Stable: events of the same day keep the order they were recorded in.
        return [.. timeline.OrderBy(e => e.Date)];
    }

    /// <summary>The status on a given day: a valid patent past its last day of protection has expired.</summary>
    public LegalStatus StatusOn(DateOnly today) =>
        Status == LegalStatus.Valid && today > LastDayOfProtection ? LegalStatus.Expired : Status;

    public void Update(PatentDetails details, DateOnly today, DateTimeOffset now)
    {
        if (details.ApplicationNumber.Value != ApplicationNumber)
        {
            throw new DomainRuleException("Patent_NumberIsFixed");
        }

        Apply(details, today, now);
        AuditAction = AuditActions.PatentUpdated;
    }

    public void RecordLegalEvent(LegalEvent legalEvent, DateOnly today, DateTimeOffset now)
    {
        if (legalEvent.Date > today || legalEvent.Date < FilingDate)
        {
            throw new DomainRuleException("Patent_EventDateOutOfRange");
        }

        if (legalEvent.Note is { } note && (Text.DisplayLength(note) > LegalEvent.NoteMaxLength || Text.ContainsMarkup(note)))
        {
            throw new DomainRuleException("Patent_EventNoteInvalid");
        }

        _legalEvents.Add(legalEvent);
        Status = legalEvent.Type switch
        {
            LegalEventType.LapseUnpaidFees => LegalStatus.Lapsed,
            LegalEventType.Invalidation => LegalStatus.Invalidated,
            LegalEventType.Expiry => LegalStatus.Expired,
            _ => Status,
        };
        UpdatedAt = now;
        AuditAction = AuditActions.PatentLegalEvent;
    }

    private void Apply(PatentDetails details, DateOnly today, DateTimeOffset now)
    {
        if (details.Validate(today) is [var first, ..])
        {
            throw new DomainRuleException("Patent_" + first.Code, first.Field);
        }

        ApplicationNumber = details.ApplicationNumber.Value;
        PublicationNumber = details.PublicationNumber?.Value;
        Type = details.Type;
        Title = string.IsNullOrWhiteSpace(details.Title) ? null : details.Title.Trim();
        Abstract = details.Abstract.Trim();
        Claims = string.IsNullOrWhiteSpace(details.Claims) ? null : details.Claims.Trim();
        MainIpc = details.MainIpc?.Value;
        FurtherIpc = details.FurtherIpc.Select(c => c.Value).Where(c => c != MainIpc).Distinct(StringComparer.Ordinal).ToArray();
        Locarno = details.Locarno?.Value;
        CoOwners = [.. details.CoOwners];
        Inventors = [.. details.Inventors];
        FilingDate = details.FilingDate;
        PublicationDate = details.PublicationDate;
        GrantDate = details.GrantDate;
        LastDayOfProtection = PatentTerms.LastDayOfProtection(details.Type, details.FilingDate);
        Status = details.Status;
        Keywords = details.Keywords.Distinct(StringComparer.Ordinal).ToArray();
        IndustryCode = details.IndustryCode;
        UpdatedAt = now;
    }
}
