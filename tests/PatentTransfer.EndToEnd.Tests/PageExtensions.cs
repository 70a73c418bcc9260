using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PatentTransfer.EndToEnd.Tests;

internal static class PageExtensions
{
    /// <summary>Waits until Blazor's circuit has taken over the prerendered page, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        Expect(page.Locator("[data-pt-interactive='true']")).ToBeAttachedAsync();

    public static async Task LogInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("邮箱").Or(page.GetByLabel("E-mail")).FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).Or(page.GetByLabel("Password", new() { Exact = true })).FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("workspace")).ToBeVisibleAsync();
    }

    public static async Task SaveScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(PortalServer.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalServer.ScreenshotDirectory, name + ".png"), FullPage = true });
    }
}
