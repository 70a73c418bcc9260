using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Patents;

namespace PatentTransfer.Domain.Listings;

/// <summary>Ways a holder offers a patent (docs/DOMAIN.md §4).</summary>
public enum OfferMode
{
    Transfer,
    ExclusiveLicence,
    SoleLicence,
    OrdinaryLicence,
    Equity,
}

public enum PriceKind
{
    LumpSum,
    Royalty,
    EntryFeePlusRoyalty,
    Negotiable,
}

public enum ListingStatus
{
    Draft,
    Submitted,
    Published,
    Returned,
    Withdrawn,
}

/// <summary>The terms a holder offers, as typed: validated by <see cref="ListingTerms.Validate"/>.</summary>
public sealed record ListingTerms(
    IReadOnlyList<OfferMode> Modes,
    PriceKind PriceKind,
    decimal? LumpSum,
    decimal? RoyaltyPercent,
    decimal? EntryFee,
    bool FreeForSmes,
    bool PayLater,
    int? TrialMonths,
    bool TechnicalService,
    bool OpenLicence,
    bool HasEvaluationReport,
    bool CoOwnersConsent,
    string? Description)
{
    public const decimal MaxAmount = 10_000_000_000m;
    public const decimal MaxRoyaltyPercent = 50m;
    public const int MaxTrialMonths = 36;
    public const int DescriptionMaxLength = 2000;

    public bool OffersLicence => Modes.Any(m => m is OfferMode.ExclusiveLicence or OfferMode.SoleLicence or OfferMode.OrdinaryLicence);

    /// <summary>
    /// Every broken rule as (field, code). Open licences follow Patent Law arts. 50–52: an ordinary licence at a
    /// declared fee, no exclusive or sole licence at the same time, an evaluation report for utility models and
    /// designs, the consent of all co-owners, and no pledge in force.
    /// </summary>
    public IReadOnlyList<(string Field, string Code)> Validate(Patent patent, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (Modes.Count == 0)
        {
            errors.Add((nameof(Modes), "ModeRequired"));
        }

        switch (PriceKind)
        {
            case PriceKind.LumpSum when !IsAmount(LumpSum):
                errors.Add((nameof(LumpSum), "AmountRequired"));
                break;
            case PriceKind.Royalty when !IsRoyalty(RoyaltyPercent):
                errors.Add((nameof(RoyaltyPercent), "RoyaltyRange"));
                break;
            case PriceKind.EntryFeePlusRoyalty:
                if (!IsAmount(EntryFee))
                {
                    errors.Add((nameof(EntryFee), "AmountRequired"));
                }

                if (!IsRoyalty(RoyaltyPercent))
                {
                    errors.Add((nameof(RoyaltyPercent), "RoyaltyRange"));
                }

                break;
        }

        if ((FreeForSmes || PayLater) && !OffersLicence)
        {
            errors.Add((nameof(FreeForSmes), "LicenceNeeded"));
        }

        if (PayLater && TrialMonths is not (>= 1 and <= MaxTrialMonths))
        {
            errors.Add((nameof(TrialMonths), "TrialMonthsRange"));
        }

        if (Description is { } description && (Text.DisplayLength(description) > DescriptionMaxLength || Text.ContainsMarkup(description)))
        {
            errors.Add((nameof(Description), Text.ContainsMarkup(description) ? "Markup" : "DescriptionTooLong"));
        }

        var status = patent.StatusOn(today);
        if (status is not (LegalStatus.Valid or LegalStatus.Pending))
        {
            errors.Add(("Patent", "PatentNotInForce"));
        }

        if (OpenLicence)
        {
            if (!Modes.Contains(OfferMode.OrdinaryLicence))
            {
                errors.Add((nameof(OpenLicence), "OpenNeedsOrdinaryLicence"));
            }

            if (Modes.Contains(OfferMode.ExclusiveLicence) || Modes.Contains(OfferMode.SoleLicence))
            {
                errors.Add((nameof(OpenLicence), "OpenExcludesExclusive"));
            }

            if (PriceKind == PriceKind.Negotiable && !FreeForSmes)
            {
                errors.Add((nameof(PriceKind), "OpenNeedsDeclaredFee"));
            }

            if (status != LegalStatus.Valid)
            {
                errors.Add((nameof(OpenLicence), "OpenNeedsGrantedPatent"));
            }

            if (patent.Type != PatentType.Invention && !HasEvaluationReport)
            {
                errors.Add((nameof(HasEvaluationReport), "OpenNeedsEvaluationReport"));
            }

            if (patent.CoOwners.Length > 0 && !CoOwnersConsent)
            {
                errors.Add((nameof(CoOwnersConsent), "OpenNeedsCoOwnerConsent"));
            }

            if (IsPledged(patent))
            {
                errors.Add((nameof(OpenLicence), "OpenBarredByPledge"));
            }
        }

        return errors;
    }

    /// <summary>A pledge registered and not released since.</summary>
    public static bool IsPledged(Patent patent)
    {
        var last = patent.LegalEvents.Where(e => e.Type is LegalEventType.PledgeRegistered or LegalEventType.PledgeReleased).MaxBy(e => e.Date);
        return last?.Type == LegalEventType.PledgeRegistered;
    }

    private static bool IsAmount(decimal? value) => value is > 0 and <= MaxAmount && decimal.Round(value.Value, 2) == value.Value;

    private static bool IsRoyalty(decimal? value) => value is > 0 and <= MaxRoyaltyPercent && decimal.Round(value.Value, 2) == value.Value;
}

/// <summary>
/// What a holder offers for one of its patents. Draft → submitted → published after review by staff of the
/// holder's city (or returned with a reason), and withdrawn by the holder at any time; every step is audited.
/// One listing per patent: withdrawing and editing it again reuses it.
/// </summary>
public sealed class Listing : IAuditable, IVersioned
{
    public const int ReasonMaxLength = 500;

    // For EF Core.
    private Listing()
    {
        Modes = [];
    }

    public Listing(Patent patent, ListingTerms terms, DateOnly today, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        PatentId = patent.Id;
        HolderOrganisationId = patent.HolderOrganisationId;
        CreatedAt = now;
        Status = ListingStatus.Draft;
        Apply(patent, terms, today, now);
        AuditAction = AuditActions.ListingCreated;
    }

    public Guid Id { get; private set; }
    public Guid PatentId { get; private set; }
    public Guid HolderOrganisationId { get; private set; }
    public OfferMode[] Modes { get; private set; }
    public PriceKind PriceKind { get; private set; }

    /// <summary>Yuan, 2 decimals.</summary>
    public decimal? LumpSum { get; private set; }

    public decimal? RoyaltyPercent { get; private set; }
    public decimal? EntryFee { get; private set; }
    public bool FreeForSmes { get; private set; }
    public bool PayLater { get; private set; }
    public int? TrialMonths { get; private set; }
    public bool TechnicalService { get; private set; }
    public bool OpenLicence { get; private set; }
    public bool HasEvaluationReport { get; private set; }
    public bool CoOwnersConsent { get; private set; }
    public string? Description { get; private set; }
    public ListingStatus Status { get; private set; }
    public string? ReturnReason { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? ReviewedByUserId { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public string? AuditAction { get; set; }

    Guid? IAuditable.AuditOrganisationId => HolderOrganisationId;

    /// <summary>The price that orders and filters listings: the lump sum, or the entry fee; none when negotiable or royalty only.</summary>
    public decimal? ComparablePrice => PriceKind switch
    {
        PriceKind.LumpSum => LumpSum,
        PriceKind.EntryFeePlusRoyalty => EntryFee,
        _ => null,
    };

    public bool IsEditable => Status is ListingStatus.Draft or ListingStatus.Returned or ListingStatus.Withdrawn;

    public void Edit(Patent patent, ListingTerms terms, DateOnly today, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            throw new DomainRuleException("Listing_NotEditable");
        }

        Apply(patent, terms, today, now);
        Status = ListingStatus.Draft;
        AuditAction = AuditActions.ListingEdited;
    }

    public void Submit(Patent patent, bool holderMayPublish, DateOnly today, DateTimeOffset now)
    {
        if (!holderMayPublish)
        {
            throw new DomainRuleException("Listing_HolderNotVerified");
        }

        if (Status is not (ListingStatus.Draft or ListingStatus.Returned))
        {
            throw new DomainRuleException("Listing_NotSubmittable");
        }

        // The patent may have changed since the draft was saved (lapsed, pledged): the terms must still hold.
        if (CurrentTerms.Validate(patent, today) is [var first, ..])
        {
            throw new DomainRuleException("Listing_" + first.Code, first.Field);
        }

        Status = ListingStatus.Submitted;
        SubmittedAt = now;
        ReturnReason = null;
        UpdatedAt = now;
        AuditAction = AuditActions.ListingSubmitted;
    }

    public void Approve(Patent patent, Guid reviewerId, DateOnly today, DateTimeOffset now)
    {
        EnsureSubmitted();

        // The patent may have lapsed or been pledged while the listing waited for review: publish only terms that still hold.
        if (patent.Id != PatentId)
        {
            throw new DomainRuleException("Listing_WrongPatent");
        }

        if (CurrentTerms.Validate(patent, today) is [var first, ..])
        {
            throw new DomainRuleException("Listing_" + first.Code, first.Field);
        }

        Status = ListingStatus.Published;
        ReviewedByUserId = reviewerId;
        ReviewedAt = now;
        PublishedAt = now;
        UpdatedAt = now;
        AuditAction = AuditActions.ListingPublished;
    }

    public void Return(Guid reviewerId, string reason, DateTimeOffset now)
    {
        EnsureSubmitted();
        var text = Text.NormaliseInput(reason);
        if (text.Length == 0)
        {
            throw new DomainRuleException("Listing_ReasonRequired");
        }

        if (Text.DisplayLength(text) > ReasonMaxLength || Text.ContainsMarkup(text))
        {
            throw new DomainRuleException("Listing_ReasonInvalid");
        }

        Status = ListingStatus.Returned;
        ReturnReason = text;
        ReviewedByUserId = reviewerId;
        ReviewedAt = now;
        UpdatedAt = now;
        AuditAction = AuditActions.ListingReturned;
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (Status is not (ListingStatus.Submitted or ListingStatus.Published))
        {
            throw new DomainRuleException("Listing_NotWithdrawable");
        }

        Status = ListingStatus.Withdrawn;
        UpdatedAt = now;
        AuditAction = AuditActions.ListingWithdrawn;
    }

    public ListingTerms CurrentTerms => new(Modes, PriceKind, LumpSum, RoyaltyPercent, EntryFee, FreeForSmes, PayLater, TrialMonths,
        TechnicalService, OpenLicence, HasEvaluationReport, CoOwnersConsent, Description);

    private void EnsureSubmitted()
    {
        if (Status != ListingStatus.Submitted)
        {
            throw new DomainRuleException("Listing_NotSubmitted");
        }
    }

    private void Apply(Patent patent, ListingTerms terms, DateOnly today, DateTimeOffset now)
    {
        if (patent.Id != PatentId)
        {
            throw new DomainRuleException("Listing_WrongPatent");
        }

        if (terms.Validate(patent, today) is [var first, ..])
        {
            throw new DomainRuleException("Listing_" + first.Code, first.Field);
        }

        Modes = [.. terms.Modes.Distinct().Order()];
        PriceKind = terms.PriceKind;
        LumpSum = terms.PriceKind == PriceKind.LumpSum ? terms.LumpSum : null;
        EntryFee = terms.PriceKind == PriceKind.EntryFeePlusRoyalty ? terms.EntryFee : null;
        RoyaltyPercent = terms.PriceKind is PriceKind.Royalty or PriceKind.EntryFeePlusRoyalty ? terms.RoyaltyPercent : null;
        FreeForSmes = terms.FreeForSmes;
        PayLater = terms.PayLater;
        TrialMonths = terms.PayLater ? terms.TrialMonths : null;
        TechnicalService = terms.TechnicalService;
        OpenLicence = terms.OpenLicence;
        HasEvaluationReport = terms.HasEvaluationReport;
        CoOwnersConsent = terms.CoOwnersConsent;
        Description = string.IsNullOrWhiteSpace(terms.Description) ? null : terms.Description.Trim();
        UpdatedAt = now;
    }
}
