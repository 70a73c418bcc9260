using System.Net;
using Microsoft.AspNetCore.Identity;
using PatentTransfer.Infrastructure.Email;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Components.Account;

/// <summary>Account e-mails in the language the user is using when they are sent.</summary>
public sealed class IdentityEmailSender(IMailer mailer) : IEmailSender<PortalUser>
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) =>
        mailer.SendAsync(email, T.Email_Confirm_Subject, Body(user, T.Email_Confirm_Body, confirmationLink, T.Email_Confirm_Action));

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) =>
        mailer.SendAsync(email, T.Email_Reset_Subject, Body(user, T.Email_Reset_Body, resetLink, T.Email_Reset_Action));

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) =>
        mailer.SendAsync(email, T.Email_Reset_Subject, $"<p>{WebUtility.HtmlEncode(resetCode)}</p>");

    private static string Body(PortalUser user, string text, string link, string action)
    {
        var href = WebUtility.HtmlEncode(link);
        return $"""
            <p>{WebUtility.HtmlEncode(Texts.Format(T.Email_Greeting, user.DisplayName))}</p>
            <p>{WebUtility.HtmlEncode(text)}</p>
            <p><a href="{href}">{WebUtility.HtmlEncode(action)}</a></p>
            <p style="color:#666">{WebUtility.HtmlEncode(T.Email_LinkFallback)}<br>{href}</p>
            <p style="color:#666">{WebUtility.HtmlEncode(T.Email_Footer)}</p>
            """;
    }
}
