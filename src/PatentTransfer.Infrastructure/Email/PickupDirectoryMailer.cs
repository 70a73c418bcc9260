using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PatentTransfer.Infrastructure.Email;

public interface IMailer
{
    Task SendAsync(string recipient, string subject, string htmlBody, CancellationToken cancellationToken = default);
}

/// <summary>
/// Writes messages to the pickup directory (SmtpDeliveryMethod.SpecifiedPickupDirectory produces standard .eml
/// files). The log names the file and a masked recipient, never the full address.
/// </summary>
public sealed class PickupDirectoryMailer(IOptions<MailOptions> options, ILogger<PickupDirectoryMailer> logger) : IMailer
{
    public async Task SendAsync(string recipient, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var directory = Path.GetFullPath(settings.PickupDirectory);
        Directory.CreateDirectory(directory);

        using var message = new MailMessage
        {
            From = new MailAddress(settings.FromAddress, settings.FromName, Encoding.UTF8),
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            Body = htmlBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = true,
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        message.To.Add(new MailAddress(recipient));
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = directory,
        };
        await client.SendMailAsync(message, cancellationToken);
        logger.LogInformation("Mail \"{Subject}\" to {Recipient} written to {Directory}", subject, Mask(recipient), directory);
    }

    /// <summary>"zhang.san@example.com" → "z***@example.com": enough to tell messages apart, not to identify someone.</summary>
    public static string Mask(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{address[0]}***{address[at..]}";
    }
}
