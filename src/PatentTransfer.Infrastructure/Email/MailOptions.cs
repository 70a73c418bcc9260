using System.ComponentModel.DataAnnotations;

namespace PatentTransfer.Infrastructure.Email;

/// <summary>
/// Outgoing mail. The portal writes each message as an RFC 5322 .eml file into <see cref="PickupDirectory"/>:
/// in development that is the mailbox to read; in production a mail transfer agent relays the folder.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required]
    public string PickupDirectory { get; set; } = string.Empty;

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "noreply@patenttransfer.example";

    [Required]
    public string FromName { get; set; } = "河北省专利转化供需对接平台";
}
