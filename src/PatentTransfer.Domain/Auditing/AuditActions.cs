namespace PatentTransfer.Domain.Auditing;

/// <summary>Action names of the audit trail. Stable strings: they are stored and searched.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "auth.login.succeeded";
    public const string LoginFailed = "auth.login.failed";
    public const string LockedOut = "auth.lockout";
    public const string LoggedOut = "auth.logout";
    public const string PasswordChanged = "auth.password.changed";
    public const string PasswordReset = "auth.password.reset";
    public const string PasswordResetRequested = "auth.password.reset_requested";
    public const string EmailConfirmed = "auth.email.confirmed";
    public const string UserRegistered = "user.registered";
    public const string UserCreated = "user.created";
    public const string RoleChanged = "user.role.changed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";

    public const string OrganisationSubmitted = "organisation.submitted";
    public const string OrganisationResubmitted = "organisation.resubmitted";
    public const string OrganisationVerified = "organisation.verified";
    public const string OrganisationRejected = "organisation.rejected";

    public const string PatentCreated = "patent.created";
    public const string PatentUpdated = "patent.updated";
    public const string PatentImported = "patent.imported";
    public const string PatentLegalEvent = "patent.legal_event";

    public const string ListingCreated = "listing.created";
    public const string ListingEdited = "listing.edited";
    public const string ListingSubmitted = "listing.submitted";
    public const string ListingPublished = "listing.published";
    public const string ListingReturned = "listing.returned";
    public const string ListingWithdrawn = "listing.withdrawn";

    public const string DemandCreated = "demand.created";
    public const string DemandEdited = "demand.edited";
    public const string DemandSubmitted = "demand.submitted";
    public const string DemandPublished = "demand.published";
    public const string DemandReturned = "demand.returned";
    public const string DemandRenewed = "demand.renewed";
    public const string DemandExpired = "demand.expired";
    public const string DemandClosed = "demand.closed";
    public const string DemandWithdrawn = "demand.withdrawn";
    public const string DemandFollowUpAdded = "demand.follow_up_added";

    public const string ProposalCreated = "proposal.created";
    public const string ProposalAccepted = "proposal.accepted";
    public const string ProposalDeclined = "proposal.declined";
    public const string ProposalWithdrawn = "proposal.withdrawn";
    public const string DealRequestCreated = "deal_request.created";

    public const string RecommendationDismissed = "recommendation.dismissed";

    /// <summary>All known actions, for the audit search filter.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        LoginSucceeded, LoginFailed, LockedOut, LoggedOut, PasswordChanged, PasswordReset, PasswordResetRequested,
        EmailConfirmed, UserRegistered, UserCreated, RoleChanged, UserLocked, UserUnlocked,
        OrganisationSubmitted, OrganisationResubmitted, OrganisationVerified, OrganisationRejected,
        PatentCreated, PatentUpdated, PatentImported, PatentLegalEvent,
        ListingCreated, ListingEdited, ListingSubmitted, ListingPublished, ListingReturned, ListingWithdrawn,
        DemandCreated, DemandEdited, DemandSubmitted, DemandPublished, DemandReturned, DemandRenewed, DemandExpired, DemandClosed,
        DemandWithdrawn, DemandFollowUpAdded,
        ProposalCreated, ProposalAccepted, ProposalDeclined, ProposalWithdrawn, DealRequestCreated,
        RecommendationDismissed,
    ];
}
