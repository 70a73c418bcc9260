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
        // SmtpClient writes the file in place, so a reader of the pickup folder could see half a message. It writes
        // into a staging folder of its own instead, and the finished file is moved in (a rename: atomic).
        var staging = Directory.CreateDirectory(Path.Combine(directory, ".sending-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging })
            {
                await client.SendMailAsync(message, cancellationToken);
            }

            foreach (var file in Directory.GetFiles(staging))
            {
                File.Move(file, Path.Combine(directory, Path.GetFileName(file)));
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }

        logger.LogInformation("Mail \"{Subject}\" to {Recipient} written to {Directory}", subject, Mask(recipient), directory);
    }

    /// <summary>"zhang.san@example.com" → "z***@example.com": enough to tell messages apart, not to identify someone.</summary>
    public static string Mask(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{address[0]}***{address[at..]}";
    }
}
